using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Dashboard.App.Evidence;

/// <summary>
/// Stores bukti dukung files outside wwwroot under their SHA-256 (<c>{root}/{sha[0..2]}/{sha}{ext}</c>), after checking
/// type, size and content. The officer's file name is kept for display only and never becomes part of a path.
/// </summary>
public sealed partial class EvidenceStore
{
    public const int MaxLinkLength = 2000;
    public const int MaxOriginalNameLength = 200;

    /// <summary>For the accept attribute of a file input.</summary>
    public const string Accept = ".pdf,.jpg,.jpeg,.png,.xlsx,.docx";

    public const string TypeNotAllowedMessage = "Jenis berkas tidak diizinkan. Yang boleh: PDF, JPG, PNG, XLSX, DOCX.";
    public const string EmptyFileMessage = "Berkas kosong.";
    public const string LinkRequiredMessage = "Tautan wajib diisi.";
    public const string LinkSchemeMessage = "Tautan harus diawali http:// atau https://.";
    public const string LinkTooLongMessage = "Tautan terlalu panjang: maksimal 2.000 karakter.";
    public const string BadPathMessage = "Lokasi berkas bukti tidak sah.";

    private const int BufferSize = 81920;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    // Stored extension per allowed extension: .jpeg is kept as .jpg so one photo has one path.
    private static readonly Dictionary<string, string> StoredExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ".pdf",
        [".jpg"] = ".jpg",
        [".jpeg"] = ".jpg",
        [".png"] = ".png",
        [".xlsx"] = ".xlsx",
        [".docx"] = ".docx",
    };

    private static readonly NumberFormatInfo IndonesianNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    public EvidenceStore(EvidenceOptions options, string root)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Path.IsPathFullyQualified(root))
        {
            throw new ArgumentException("The evidence root must be an absolute path; use EvidenceOptions.ResolveRoot.", nameof(root));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBytes, nameof(options.MaxBytes));
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        MaxBytes = options.MaxBytes;
    }

    /// <summary>Absolute folder holding the stored files.</summary>
    public string Root { get; }

    public long MaxBytes { get; }

    /// <summary>
    /// Checks and stores one uploaded file. Reads at most <see cref="MaxBytes"/> + 1 bytes of <paramref name="content"/>;
    /// the caller owns and disposes the stream. A file already stored with the same content is kept, not rewritten.
    /// </summary>
    public async Task<EvidenceResult> SaveAsync(string fileName, Stream content, long? declaredLength, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var originalName = SanitizeName(fileName);
        if (!StoredExtensions.TryGetValue(Path.GetExtension(originalName), out var ext))
        {
            return EvidenceResult.Failure(TypeNotAllowedMessage);
        }
        if (declaredLength > MaxBytes)
        {
            return EvidenceResult.Failure($"Berkas terlalu besar: {FormatSize(declaredLength.Value, roundUp: true)}; maksimal {FormatSize(MaxBytes)}.");
        }

        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $"upload-{Guid.NewGuid():N}.tmp");
        try
        {
            var (size, sha, header) = await CopyAndHashAsync(content, temp, ct);
            if (size > MaxBytes)
            {
                return EvidenceResult.Failure($"Berkas terlalu besar; maksimal {FormatSize(MaxBytes)}.");
            }
            if (size == 0)
            {
                return EvidenceResult.Failure(EmptyFileMessage);
            }
            if (!ContentMatches(ext, header, temp))
            {
                return EvidenceResult.Failure($"Isi berkas tidak sesuai dengan jenisnya ({ext}).");
            }

            var relative = $"{sha[..2]}/{sha}{ext}";
            var target = Path.Combine(Root, sha[..2], sha + ext);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                // Fresh again, so the orphan sweep leaves it alone until its new row is written.
                File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
            }
            else
            {
                try
                {
                    File.Move(temp, target, overwrite: false);
                }
                catch (IOException) when (File.Exists(target))
                {
                    // A concurrent upload of the same content won the race; its file is identical.
                }
            }
            return EvidenceResult.Success(new StoredEvidence(relative, sha, size, ContentTypeFor(ext), originalName));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Opens a stored file. Only paths of the form returned by <see cref="SaveAsync"/> are accepted.</summary>
    /// <exception cref="ArgumentException">The path is not a stored-evidence path (e.g. it leaves the root).</exception>
    /// <exception cref="FileNotFoundException">No such file is stored.</exception>
    public Stream OpenRead(string relativePath)
    {
        if (string.IsNullOrEmpty(relativePath) || !StoredPathPattern().IsMatch(relativePath))
        {
            throw new ArgumentException(BadPathMessage, nameof(relativePath));
        }
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        // The pattern already rules out traversal; the containment check keeps that true if the pattern is ever loosened.
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException(BadPathMessage, nameof(relativePath));
        }
        try
        {
            return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (DirectoryNotFoundException e)
        {
            // A missing prefix folder is just a missing file to the caller.
            throw new FileNotFoundException("Berkas bukti tidak ditemukan.", relativePath, e);
        }
    }

    /// <summary>Whether a path relative to the root has the form <see cref="SaveAsync"/> stores files under.</summary>
    public static bool IsStoredPath(string relativePath) => StoredPathPattern().IsMatch(relativePath);

    /// <summary>Deletes a stored file (orphan sweep, refused uploads); only stored-evidence paths are accepted.</summary>
    public void Delete(string relativePath)
    {
        if (!IsStoredPath(relativePath)) throw new ArgumentException(BadPathMessage, nameof(relativePath));
        File.Delete(Path.Combine(Root, relativePath));
    }

    /// <summary>MIME type for an extension, with or without the dot; application/octet-stream when unknown.</summary>
    public static string ContentTypeFor(string? extension)
    {
        var ext = extension is null ? "" : extension.StartsWith('.') ? extension : "." + extension;
        return StoredExtensions.TryGetValue(ext, out var stored) ? stored switch
        {
            ".pdf" => "application/pdf",
            ".jpg" => "image/jpeg",
            ".png" => "image/png",
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            _ => "application/octet-stream",
        } : "application/octet-stream";
    }

    /// <summary>A link as alternative to a file: an absolute http(s) URL of at most 2000 characters.</summary>
    public static EvidenceLinkResult ValidateLink(string? url)
    {
        var trimmed = url?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return EvidenceLinkResult.Failure(LinkRequiredMessage);
        if (trimmed.Length > MaxLinkLength) return EvidenceLinkResult.Failure(LinkTooLongMessage);
        // Uri alone would also accept "https:example.com", and "/x" as a file URI on Linux.
        var hasPrefix = trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        if (!hasPrefix
            || trimmed.Any(char.IsControl)
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return EvidenceLinkResult.Failure(LinkSchemeMessage);
        }
        return EvidenceLinkResult.Success(trimmed);
    }

    /// <summary>The name shown to users: no folders, no control or direction-override characters, at most 200 characters.</summary>
    public static string SanitizeName(string? fileName)
    {
        var name = fileName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format) continue;
            clean.Append(c);
        }
        name = clean.ToString().Trim();
        if (name.Length <= MaxOriginalNameLength) return name;

        var ext = Path.GetExtension(name);
        if (ext.Length > 20) ext = "";
        var keep = MaxOriginalNameLength - ext.Length;
        if (char.IsHighSurrogate(name[keep - 1])) keep--;
        return name[..keep].TrimEnd() + ext;
    }

    private async Task<(long Size, string Sha, byte[] Header)> CopyAndHashAsync(Stream content, string temp, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var header = new byte[PngMagic.Length];
        var headerLength = 0;
        long total = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize,
                FileOptions.Asynchronous);
            var limit = MaxBytes + 1;
            while (total < limit)
            {
                var want = (int)Math.Min(BufferSize, limit - total);
                var read = await content.ReadAsync(buffer.AsMemory(0, want), ct);
                if (read == 0) break;
                if (headerLength < header.Length)
                {
                    var n = Math.Min(read, header.Length - headerLength);
                    buffer.AsSpan(0, n).CopyTo(header.AsSpan(headerLength));
                    headerLength += n;
                }
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
                total += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()), header[..headerLength]);
    }

    private static bool ContentMatches(string ext, byte[] header, string file) => ext switch
    {
        ".pdf" => header.AsSpan().StartsWith(PdfMagic),
        ".jpg" => header.AsSpan().StartsWith(JpegMagic),
        ".png" => header.AsSpan().StartsWith(PngMagic),
        ".xlsx" => header.AsSpan().StartsWith(ZipMagic) && IsOfficePackage(file, "xl/"),
        ".docx" => header.AsSpan().StartsWith(ZipMagic) && IsOfficePackage(file, "word/"),
        _ => false,
    };

    // Only the central directory is read, so a zip bomb is never inflated.
    private static bool IsOfficePackage(string file, string partFolder)
    {
        try
        {
            using var archive = new ZipArchive(File.OpenRead(file), ZipArchiveMode.Read, leaveOpen: false);
            var hasContentTypes = false;
            var hasPart = false;
            foreach (var entry in archive.Entries)
            {
                hasContentTypes |= string.Equals(entry.FullName, "[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
                hasPart |= entry.FullName.StartsWith(partFolder, StringComparison.OrdinalIgnoreCase)
                    && entry.FullName.Length > partFolder.Length;
            }
            return hasContentTypes && hasPart;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }

    private static string FormatSize(long bytes, bool roundUp = false)
    {
        const double KiB = 1024, MiB = 1024 * 1024;
        if (bytes < KiB) return bytes.ToString("#,##0", IndonesianNumbers) + " byte";
        var (value, unit) = bytes >= MiB ? (bytes / MiB, "MB") : (bytes / KiB, "KB");
        // Rounded up so a file just over the limit never reads as equal to it ("10 MB; maksimal 10 MB").
        if (roundUp) value = Math.Ceiling(value * 10) / 10;
        return value.ToString("#,##0.#", IndonesianNumbers) + " " + unit;
    }

    [GeneratedRegex(@"^[0-9a-f]{2}/[0-9a-f]{64}\.(pdf|jpg|png|xlsx|docx)\z", RegexOptions.CultureInvariant)]
    private static partial Regex StoredPathPattern();
}
