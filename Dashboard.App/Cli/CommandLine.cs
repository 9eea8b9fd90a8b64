using Dashboard.App.Data;
using Dashboard.App.Infrastructure;
using Dashboard.App.Operations;
using Dashboard.App.Plans;
using Dashboard.App.Security;

namespace Dashboard.App.Cli;

/// <summary>Verbs of the same executable that run without a web server: plan export, import and checks, users, assignments, API tokens.</summary>
public static class CommandLine
{
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "export", "import", "check", "create-user", "create-token", "revoke-token", "list-tokens", "assign", "unassign", "backup", "restore", "unlock-user", "end-sessions", "help",
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public const string Usage = """
        Penggunaan:
          Dashboard.App export --year <tahun> --format csv [--out <berkas>]
          Dashboard.App export --year <tahun> --format xlsx --out <berkas>
          Dashboard.App import --year <tahun> <berkas.xlsx|berkas.csv> [--sheet <lembar>] [--dry-run]
          Dashboard.App check  --year <tahun>
          Dashboard.App create-user --username <nama> --role <peran> [--name "Nama lengkap"] [--password <sandi>]
              peran: Admin, Perencana, KepalaDinas, Petugas, Layar. Tanpa --password: dari variabel lingkungan
              RENAKSI_PASSWORD, atau dibuatkan kata sandi acak yang ditampilkan sekali.
          Dashboard.App create-token --user <nama> --name "skrip harian"   (token ditampilkan sekali)
          Dashboard.App revoke-token --id <nomor>
          Dashboard.App list-tokens
          Dashboard.App assign   --user <nama> --year <tahun> --code <kode node atau indikator>
          Dashboard.App unassign --user <nama> --year <tahun> --code <kode>
          Dashboard.App backup  <berkas.db>    (cadangan daring, aman saat aplikasi berjalan)
          Dashboard.App restore <berkas.db>    (hentikan aplikasi dulu; basis data lama disisihkan)
          Dashboard.App unlock-user --username <nama>    (buka kunci akun, mis. admin yang terkunci)
          Dashboard.App end-sessions --username <nama>   (akhiri semua sesi dan halaman terbuka pengguna)
        Opsi konfigurasi seperti --ConnectionStrings:Dashboard="Data Source=..." boleh ditambahkan.
        Tanpa argumen, aplikasi web dijalankan.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ParsedArgs parsed;
        try
        {
            parsed = ParsedArgs.Parse(args);
        }
        catch (CliUsageException e)
        {
            await stderr.WriteLineAsync($"Kesalahan: {e.Message}");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (parsed.Verb == "help")
        {
            await stdout.WriteLineAsync(Usage);
            return 0;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = parsed.HostArgs, ContentRootPath = AppContentRoot(),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDashboardCore(builder.Configuration, builder.Environment.ContentRootPath);
        // Users and roles without cookies or sign-in: the same password rules as the web app.
        builder.Services.AddDashboardIdentityCore();
        builder.Services.AddDashboardUserAdmin();
        builder.Services.AddPlanTransfer(builder.Configuration);
        builder.Services.AddDatabaseBackup(builder.Configuration);
        using var host = builder.Build();
        var services = host.Services;

        try
        {
            await services.GetRequiredService<PlanSeeder>().MigrateAndSeedAsync();
            await services.GetRequiredService<UserSetup>().EnsureRolesAsync();
            return parsed.Verb switch
            {
                "export" => await ExportCommand.RunAsync(services, parsed, stdout, stderr),
                "import" => await ImportCommand.RunAsync(services, parsed, stdout, stderr),
                "check" => await CheckCommand.RunAsync(services, parsed, stdout, stderr),
                "create-user" => await UserCommands.CreateUserAsync(services, parsed, stdout),
                "create-token" => await UserCommands.CreateTokenAsync(services, parsed, stdout, stderr),
                "revoke-token" => await UserCommands.RevokeTokenAsync(services, parsed, stdout),
                "list-tokens" => await UserCommands.ListTokensAsync(services, stdout),
                "assign" => await UserCommands.AssignAsync(services, parsed, stdout, add: true),
                "unassign" => await UserCommands.AssignAsync(services, parsed, stdout, add: false),
                "backup" => await BackupCommands.BackupAsync(services, parsed, stdout, stderr),
                "restore" => await BackupCommands.RestoreAsync(services, parsed, stdout, stderr),
                "unlock-user" => await UserCommands.UnlockAsync(services, parsed, stdout),
                "end-sessions" => await UserCommands.EndSessionsAsync(services, parsed, stdout),
                _ => 2,
            };
        }
        catch (CliUsageException e)
        {
            await stderr.WriteLineAsync($"Kesalahan: {e.Message}");
            return 2;
        }
    }

    /// <summary>The folder holding appsettings.json: the project folder under dotnet run, else the binaries' folder.</summary>
    public static string AppContentRoot()
    {
        var cwd = Directory.GetCurrentDirectory();
        if (File.Exists(Path.Combine(cwd, "appsettings.json"))) return cwd;
        var project = Path.Combine(cwd, "Dashboard.App");
        if (File.Exists(Path.Combine(project, "appsettings.json"))) return project;
        return AppContext.BaseDirectory;
    }
}

public sealed class CliUsageException(string message) : Exception(message);

/// <summary>Verb, options (<c>--name value</c>, flags as "true"), the file argument of <c>import</c>, and what is left for
/// the host's configuration.</summary>
public sealed record ParsedArgs(string Verb, IReadOnlyDictionary<string, string> Options, string[] HostArgs)
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["export"] = ["year", "format", "out"],
        ["import"] = ["year", "sheet", "dry-run"],
        ["check"] = ["year"],
        ["create-user"] = ["username", "role", "name", "password"],
        ["create-token"] = ["user", "name"],
        ["revoke-token"] = ["id"],
        ["list-tokens"] = [],
        ["assign"] = ["user", "year", "code"],
        ["unassign"] = ["user", "year", "code"],
        ["backup"] = [],
        ["restore"] = [],
        ["unlock-user"] = ["username"],
        ["end-sessions"] = ["username"],
        ["help"] = [],
    };

    /// <summary>Options that take no value.</summary>
    private static readonly HashSet<string> Flags = new(StringComparer.OrdinalIgnoreCase) { "dry-run" };

    /// <summary>Verbs that take one file argument.</summary>
    private static readonly HashSet<string> TakesFile = new(StringComparer.OrdinalIgnoreCase) { "import", "backup", "restore" };

    /// <summary>The file argument (<c>import</c>), if given.</summary>
    public string? File { get; init; }

    public bool Flag(string name) => Options.ContainsKey(name);

    public static ParsedArgs Parse(string[] args)
    {
        if (args.Length == 0 || !Allowed.TryGetValue(args[0], out var allowed)) throw new CliUsageException("perintah tidak dikenal.");
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var hostArgs = new List<string>();
        string? file = null;
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (TakesFile.Contains(args[0]) && file is null) { file = arg; continue; }
                throw new CliUsageException($"argumen '{arg}' tidak dikenal.");
            }
            var eq = arg.IndexOf('=');
            var name = eq > 0 ? arg[2..eq] : arg[2..];
            string value;
            if (Flags.Contains(name) && eq < 0) value = "true";
            else if (eq > 0) value = arg[(eq + 1)..];
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
            else throw new CliUsageException($"opsi --{name} memerlukan nilai.");

            // Configuration overrides such as --ConnectionStrings:Dashboard=... go to the host.
            if (name.Contains(':')) { hostArgs.Add($"--{name}={value}"); continue; }
            if (!allowed.Contains(name, StringComparer.OrdinalIgnoreCase)) throw new CliUsageException($"opsi --{name} tidak dikenal untuk '{args[0]}'.");
            if (!options.TryAdd(name, value)) throw new CliUsageException($"opsi --{name} diberikan dua kali.");
        }
        return new ParsedArgs(args[0].ToLowerInvariant(), options, hostArgs.ToArray()) { File = file };
    }

    /// <summary>A required option's value, trimmed and not empty.</summary>
    public string Require(string name)
    {
        if (!Options.TryGetValue(name, out var value) || string.IsNullOrWhiteSpace(value)) throw new CliUsageException($"opsi --{name} wajib diisi.");
        return value.Trim();
    }

    public int RequireYear()
    {
        if (!Options.TryGetValue("year", out var raw)) throw new CliUsageException("opsi --year wajib diisi.");
        if (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            throw new CliUsageException($"tahun '{raw}' tidak sah (contoh: --year 2025).");
        }
        return year;
    }
}
