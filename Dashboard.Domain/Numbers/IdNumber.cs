using System.Globalization;
using System.Text;

namespace Dashboard.Domain.Numbers;

/// <summary>The outcome of <see cref="IdNumber.Parse"/>.</summary>
/// <param name="Ok">The text is a number; <paramref name="Value"/> holds it.</param>
/// <param name="Error">Why the text was refused (Indonesian, short, for display next to the field); null when ok.</param>
/// <param name="Notice">A hint to show although the text was accepted, e.g. how an ambiguous-looking number was read.</param>
public sealed record NumberParse(bool Ok, decimal Value, string? Error, string? Notice)
{
    internal static NumberParse Success(decimal value, string? notice = null) => new(true, value, null, notice);

    internal static NumberParse Failure(string error) => new(false, 0m, error, null);
}

/// <summary>
/// Numbers as typed and shown in Indonesian (id-ID): comma for decimals, dot for thousands (1.234,5).
/// Built by hand rather than from CultureInfo, so it behaves the same with invariant globalization.
/// </summary>
public static class IdNumber
{
    public const int MaxDecimals = 6;
    public static readonly decimal Limit = 1_000_000_000_000m;

    public const string Required = "Nilai wajib diisi.";
    public const string NotANumber = "Bukan angka. Tulis angka seperti 1.234,5 (koma untuk desimal).";
    public const string Ambiguous = "Format angka tidak jelas: gunakan koma untuk desimal, mis. 4,25.";
    public const string EnglishFormat = "Format angka Inggris tidak dipakai. Gunakan format Indonesia: titik untuk ribuan, koma untuk desimal, mis. 1.234,5.";
    public const string TooManyCommas = "Hanya boleh satu koma (pemisah desimal), mis. 1.234,5.";
    public const string NothingAfterComma = "Tidak ada angka setelah koma, mis. 4,25.";
    public const string NothingBeforeComma = "Tulis angka sebelum koma, mis. 0,5.";
    public const string TooManyDecimals = "Paling banyak 6 angka di belakang koma.";
    public const string OutOfRange = "Nilai di luar batas (paling banyak 1.000.000.000.000).";
    public const string BadSpaceGroups = "Spasi hanya boleh sebagai pemisah ribuan, mis. 1 234,5.";
    public const string MixedGroups = "Pemisah ribuan tidak konsisten: gunakan titik saja, mis. 1.234.567.";

    private const char UnicodeMinus = '\u2212';

    // Phones and word processors put these between thousands: space, no-break space, thin space, narrow no-break space.
    private static readonly char[] SpaceSeparators = [' ', '\u00A0', '\u2009', '\u202F'];

    private static bool IsSpaceSeparator(char c) => SpaceSeparators.Contains(c);

    /// <summary>Parses a number typed in id-ID format; refuses anything that could be read two ways.</summary>
    public static NumberParse Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return NumberParse.Failure(Required);

        var s = text.Trim();
        if (s.EndsWith('%')) s = s[..^1].TrimEnd();
        if (s.Length == 0) return NumberParse.Failure(NotANumber);

        var negative = false;
        if (s[0] is '-' or UnicodeMinus or '+')
        {
            negative = s[0] != '+';
            s = s[1..];
        }
        if (s.Length == 0) return NumberParse.Failure(NotANumber);
        if (!s.All(c => char.IsAsciiDigit(c) || c is '.' or ',' || IsSpaceSeparator(c))) return NumberParse.Failure(NotANumber);
        if (!char.IsAsciiDigit(s[^1]) && s[^1] != ',') return NumberParse.Failure(NotANumber);

        var commas = s.Count(c => c == ',');
        if (commas > 1)
        {
            // 1,234,567 is English thousands; 1,2,3 is just wrong.
            var parts = s.Split(',');
            var english = parts[0].Length is >= 1 and <= 3 && parts[1..].All(p => p.Length == 3 || p.Contains('.'));
            return NumberParse.Failure(english && parts.All(p => p.Length > 0) ? EnglishFormat : TooManyCommas);
        }

        var comma = s.IndexOf(',');
        var integerPart = comma < 0 ? s : s[..comma];
        var fraction = comma < 0 ? null : s[(comma + 1)..];

        if (fraction is not null)
        {
            if (fraction.Contains('.')) return NumberParse.Failure(EnglishFormat);
            if (fraction.Any(IsSpaceSeparator)) return NumberParse.Failure(NotANumber);
            if (fraction.Length == 0) return NumberParse.Failure(NothingAfterComma);
            if (fraction.Length > MaxDecimals) return NumberParse.Failure(TooManyDecimals);
            if (integerPart.Length == 0) return NumberParse.Failure(NothingBeforeComma);
        }

        var dotted = integerPart.Contains('.');
        var spaced = integerPart.Any(IsSpaceSeparator);
        if (dotted && spaced) return NumberParse.Failure(MixedGroups);

        var groups = dotted ? integerPart.Split('.') : spaced ? integerPart.Split(SpaceSeparators) : [integerPart];
        if ((dotted || spaced) && !ValidGroups(groups))
        {
            return NumberParse.Failure(dotted ? Ambiguous : BadSpaceGroups);
        }
        // 0.500 groups correctly, but nobody writes thousands with a leading zero: it is an English decimal.
        if (dotted && groups[0].StartsWith('0')) return NumberParse.Failure(Ambiguous);

        var digits = string.Concat(groups).TrimStart('0');
        if (digits.Length > 13) return NumberParse.Failure(OutOfRange);

        var invariant = (digits.Length == 0 ? "0" : digits) + (fraction is null ? "" : "." + fraction);
        var value = decimal.Parse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (value > Limit) return NumberParse.Failure(OutOfRange);
        if (negative && value != 0) value = -value;

        return NumberParse.Success(value, Notice(value, negative ? "-" : "", groups.Length, dotted, integerPart, fraction));
    }

    private static bool ValidGroups(string[] groups) =>
        groups[0].Length is >= 1 and <= 3 && groups.All(g => g.All(char.IsAsciiDigit)) && groups[1..].All(g => g.Length == 3);

    /// <summary>A number that is valid id-ID but that an English reader would read differently gets a hint.</summary>
    private static string? Notice(decimal value, string sign, int groupCount, bool dotted, string integerPart, string? fraction)
    {
        // 1.234: id-ID thousands, English decimal. Two or more dots (1.234.567) cannot be an English decimal.
        if (dotted && groupCount == 2 && fraction is null)
        {
            return $"Dibaca sebagai {Format(value)} ({Magnitude(Math.Abs(value))}). Untuk desimal gunakan koma: {sign}{integerPart.Replace('.', ',')}.";
        }
        // 1,234: id-ID decimal, English thousands. 0,125 cannot be English thousands.
        if (!dotted && fraction is { Length: 3 } && integerPart.Length <= 3 && integerPart.All(char.IsAsciiDigit) && integerPart.TrimStart('0').Length > 0)
        {
            return $"Dibaca sebagai {Format(value)} (desimal). Untuk ribuan gunakan titik: {sign}{integerPart}.{fraction}.";
        }
        return null;
    }

    private static string Magnitude(decimal value) => value switch
    {
        1000m => "seribu",
        < 2000m => "seribu lebih",
        < 10_000m => "ribuan",
        < 100_000m => "puluhan ribu",
        _ => "ratusan ribu",
    };

    /// <summary>id-ID style: "." between thousands, "," before decimals, at most 6 decimals, no trailing zeros (1.234.567,5).</summary>
    public static string Format(decimal value)
    {
        var rounded = Math.Round(value, MaxDecimals, MidpointRounding.AwayFromZero);
        var negative = rounded < 0;
        var abs = Math.Abs(rounded);
        var integer = decimal.Truncate(abs);
        var integerDigits = integer.ToString(CultureInfo.InvariantCulture);
        var fractionDigits = (abs - integer).ToString(CultureInfo.InvariantCulture);
        // "0.500000" -> "5"; "0" -> "".
        fractionDigits = fractionDigits.Contains('.') ? fractionDigits[(fractionDigits.IndexOf('.') + 1)..].TrimEnd('0') : "";

        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        var head = integerDigits.Length % 3 == 0 ? 3 : integerDigits.Length % 3;
        sb.Append(integerDigits, 0, head);
        for (var i = head; i < integerDigits.Length; i += 3)
        {
            sb.Append('.').Append(integerDigits, i, 3);
        }
        if (fractionDigits.Length > 0) sb.Append(',').Append(fractionDigits);
        return sb.ToString();
    }
}
