namespace Dashboard.Domain.Realisations;

/// <summary>
/// The messages of <see cref="RealisationRules"/> as templates with <c>{name}</c> placeholders: the server fills them in
/// its checks, and serves the same templates to the offline entry page (<c>/lapangan</c>), which fills them in the browser.
/// </summary>
public static class RuleMessages
{
    public const string NegativeIncrement = "Tambahan tidak boleh negatif. Untuk mengurangi, pilih koreksi dan isi alasannya.";
    public const string ZeroCorrection = "Koreksi tidak boleh 0.";
    public const string NegativePercentage = "Persentase tidak boleh negatif.";
    public const string PercentageOver100 = "Persentase di atas 100. Yakin?";
    /// <summary>{value} {unit}.</summary>
    public const string FractionalCount = "{value} {unit}: satuan ini biasanya bilangan bulat. Yakin?";
    public const string ReasonRequired = "Koreksi wajib disertai alasan.";
    /// <summary>{min}.</summary>
    public const string ReasonTooShort = "Alasan koreksi terlalu singkat (minimal {min} karakter).";
    /// <summary>{length} {max}.</summary>
    public const string ReasonTooLong = "Alasan koreksi terlalu panjang ({length} karakter, maksimal {max}).";
    /// <summary>{length} {max}.</summary>
    public const string NoteTooLong = "Catatan terlalu panjang ({length} karakter, maksimal {max}).";
    /// <summary>{year}.</summary>
    public const string DateOutsideYear = "Tanggal harus dalam tahun {year}.";
    /// <summary>{quarter} {start} {end}.</summary>
    public const string DateOutsideQuarter = "Tanggal di luar {quarter} ({start}–{end}).";
    /// <summary>{today}.</summary>
    public const string DateInFuture = "Tanggal tidak boleh setelah hari ini ({today}).";
    /// <summary>{name}.</summary>
    public const string UnknownKecamatan = "Kecamatan \"{name}\" tidak dikenal: pilih salah satu dari 18 kecamatan di Purbalingga.";

    /// <summary>Every template by name, for serving as data.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        [nameof(NegativeIncrement)] = NegativeIncrement,
        [nameof(ZeroCorrection)] = ZeroCorrection,
        [nameof(NegativePercentage)] = NegativePercentage,
        [nameof(PercentageOver100)] = PercentageOver100,
        [nameof(FractionalCount)] = FractionalCount,
        [nameof(ReasonRequired)] = ReasonRequired,
        [nameof(ReasonTooShort)] = ReasonTooShort,
        [nameof(ReasonTooLong)] = ReasonTooLong,
        [nameof(NoteTooLong)] = NoteTooLong,
        [nameof(DateOutsideYear)] = DateOutsideYear,
        [nameof(DateOutsideQuarter)] = DateOutsideQuarter,
        [nameof(DateInFuture)] = DateInFuture,
        [nameof(UnknownKecamatan)] = UnknownKecamatan,
    };

    /// <summary>Replaces each <c>{name}</c> of <paramref name="template"/> with its value.</summary>
    public static string Fill(string template, params (string Name, object Value)[] values)
    {
        foreach (var (name, value) in values) template = template.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        return template;
    }
}
