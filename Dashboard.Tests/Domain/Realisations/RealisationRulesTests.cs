using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Status;

namespace Dashboard.Tests.Domain.Realisations;

public class RealisationRulesTests
{
    private const int Year = 2025;

    /// <summary>Orang: cumulative. Targets 8, 20, 30, 40.</summary>
    private static readonly Indicator People = new("K", "Jumlah peserta pelatihan", "Orang", 40m, [8m, 20m, 30m, 40m]);

    /// <summary>Persentase: level. Targets 20, 40, 60, 80.</summary>
    private static readonly Indicator Share = new("P", "Persentase koperasi sehat", "Persentase", 80m, [20m, 40m, 60m, 80m]);

    /// <summary>Angka: level, not a percentage. Targets 3 each quarter.</summary>
    private static readonly Indicator Score = new("A", "Nilai evaluasi", "Angka", 3m, [3m, 3m, 3m, 3m]);

    /// <summary>Mid-July 2025: TW I and II have ended, TW III is running.</summary>
    private static readonly StatusEvaluator July10 = RulesClock.Evaluator(2025, 7, 10);

    private static DateOnly D(int month, int day) => new(Year, month, day);

    private static RealisationDraft Draft(Indicator indicator, int quarter, EntryKind kind, decimal value, DateOnly date,
        string? kecamatan = null, string? note = null, string? reason = null, string? penghambat = "Cuaca buruk", bool confirmed = false) =>
        new(indicator, Year, quarter, kind, value, date, kecamatan, note, reason, penghambat, confirmed);

    private static RealisationEntry Saved(Indicator indicator, int quarter, DateOnly date, decimal value, string code = "") =>
        new(code == "" ? indicator.Code : code, quarter, date, value, new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7)), "petugas");

    private static RuleResult Preview(RealisationDraft draft, params RealisationEntry[] existing) => RealisationRules.Preview(draft, existing, July10);

    private static RuleIssue Single(RuleResult result, string field) => Assert.Single(result.Issues, i => i.Field == field);

    // ---- a clean draft ----

    [Fact]
    public void Increment_Valid_HasNoIssuesAndCanSave()
    {
        var result = Preview(Draft(People, 2, EntryKind.Increment, 5, D(5, 2), kecamatan: "Bobotsari"), Saved(People, 1, D(2, 1), 8), Saved(People, 2, D(4, 20), 5));

        Assert.Empty(result.Issues);
        Assert.True(result.CanSave);
        Assert.False(result.HasErrors);
        Assert.False(result.NeedsConfirmation);
    }

    [Fact]
    public void Check_ReturnsTheIssuesOfPreview()
    {
        var draft = Draft(People, 2, EntryKind.Increment, -1, D(7, 2), kecamatan: "Cilacap");

        var issues = RealisationRules.Check(draft, [], July10);

        Assert.Equal(Preview(draft).Issues, issues);
        Assert.Equal([RuleField.Value, RuleField.Date, RuleField.Kecamatan], issues.Select(i => i.Field));
    }

    // ---- quarter ----

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Quarter_OutOfRange_IsErrorAndNothingIsEvaluated(int quarter)
    {
        var result = Preview(Draft(People, 2, EntryKind.Increment, 1, D(5, 2)) with { Quarter = quarter });

        var issue = Single(result, RuleField.Quarter);
        Assert.Equal("Triwulan harus 1 sampai 4.", issue.Message);
        Assert.False(issue.NeedsConfirmation);
        Assert.Null(result.After);
        Assert.False(result.CanSave);
    }

    // ---- kind ----

    [Fact]
    public void Kind_IncrementOnLevelIndicator_IsError()
    {
        var result = Preview(Draft(Share, 2, EntryKind.Increment, 30, D(5, 2)));

        Assert.Equal("Indikator ini dicatat sebagai nilai per tanggal, bukan tambahan.", Single(result, RuleField.Kind).Message);
        Assert.Null(result.After);
        Assert.False(result.CanSave);
    }

    [Fact]
    public void Kind_LevelOnCumulativeIndicator_IsError()
    {
        var result = Preview(Draft(People, 2, EntryKind.Level, 18, D(5, 2)));

        Assert.Equal("Indikator ini kumulatif: catat tambahannya, bukan nilai total.", Single(result, RuleField.Kind).Message);
        Assert.False(result.CanSave);
    }

    [Fact]
    public void Kind_Undefined_IsError()
    {
        var result = Preview(Draft(People, 2, (EntryKind)7, 1, D(5, 2)));
        Assert.Equal("Jenis isian tidak dikenal.", Single(result, RuleField.Kind).Message);
    }

    [Fact]
    public void Kind_LevelOnLevelIndicator_IsAccepted()
    {
        var result = Preview(Draft(Share, 2, EntryKind.Level, 38, D(6, 30)));

        Assert.Empty(result.Issues);
        Assert.Equal(38m, result.After!.Realisation);
    }

    [Theory]
    [InlineData("K", -2, 18)]  // cumulative: an adjustment of the total 20
    [InlineData("P", 36, 36)]  // level: a new value replacing 20
    public void Kind_CorrectionWithReason_FitsBothAggregations(string code, int value, int realisation)
    {
        var indicator = code == "K" ? People : Share;
        var result = Preview(Draft(indicator, 2, EntryKind.Correction, value, D(6, 30), reason: "Salah hitung"), Saved(indicator, 2, D(5, 1), 20));

        Assert.Empty(result.Issues);
        Assert.True(result.CanSave);
        Assert.Equal(realisation, result.After!.Realisation);
    }

    // ---- negative values and corrections (cumulative) ----

    [Fact]
    public void Increment_Negative_IsErrorTellingToUseKoreksi()
    {
        var result = Preview(Draft(People, 2, EntryKind.Increment, -2, D(5, 2)), Saved(People, 2, D(5, 1), 20));

        var issue = Single(result, RuleField.Value);
        Assert.False(issue.NeedsConfirmation);
        Assert.Contains("koreksi", issue.Message);
        Assert.Contains("alasan", issue.Message);
        Assert.False(result.CanSave);
    }

    [Fact]
    public void Increment_Zero_IsAllowedAndCountsAsReported()
    {
        var result = Preview(Draft(People, 2, EntryKind.Increment, 0, D(6, 30)), Saved(People, 1, D(3, 1), 20));

        Assert.Empty(result.Issues);
        Assert.True(result.After!.Reported);
        Assert.Equal(StatusKind.Evaluated, result.After.Kind);
    }

    [Fact]
    public void Correction_NegativeWithReason_CanSave()
    {
        var result = Preview(Draft(People, 2, EntryKind.Correction, -2, D(6, 2), reason: "Peserta ganda"), Saved(People, 2, D(5, 1), 22));

        Assert.Empty(result.Issues);
        Assert.Equal(20m, result.After!.Realisation);
        Assert.Equal(100m, result.After.Capaian);
    }

    [Fact]
    public void Correction_Positive_OnCumulative_IsAllowedWithReason()
    {
        var result = Preview(Draft(People, 2, EntryKind.Correction, 3, D(6, 2), reason: "Daftar hadir terlewat"), Saved(People, 2, D(5, 1), 15));

        Assert.Empty(result.Issues);
        Assert.Equal(18m, result.After!.Realisation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Correction_WithoutReason_IsError(string? reason)
    {
        var result = Preview(Draft(People, 2, EntryKind.Correction, -2, D(6, 2), reason: reason), Saved(People, 2, D(5, 1), 22));

        Assert.Equal("Koreksi wajib disertai alasan.", Single(result, RuleField.CorrectionReason).Message);
        Assert.False(result.CanSave);
    }

    [Theory]
    [InlineData("typo")]
    [InlineData("  abc   ")]
    [InlineData("x")]
    public void Correction_ReasonShorterThanFive_IsError(string reason)
    {
        var result = Preview(Draft(People, 2, EntryKind.Correction, -2, D(6, 2), reason: reason), Saved(People, 2, D(5, 1), 22));

        Assert.Equal("Alasan koreksi terlalu singkat (minimal 5 karakter).", Single(result, RuleField.CorrectionReason).Message);
    }

    [Theory]
    [InlineData("salah")]
    [InlineData("  ganda  ")]
    public void Correction_ReasonOfFiveCharacters_Passes(string reason)
    {
        var result = Preview(Draft(People, 2, EntryKind.Correction, -2, D(6, 2), reason: reason), Saved(People, 2, D(5, 1), 22));
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void CorrectionReason_Over500_IsError_500Passes()
    {
        var ok = Preview(Draft(People, 2, EntryKind.Correction, -2, D(6, 2), reason: new string('a', 500)), Saved(People, 2, D(5, 1), 22));
        var tooLong = Preview(Draft(People, 2, EntryKind.Correction, -2, D(6, 2), reason: new string('a', 501)), Saved(People, 2, D(5, 1), 22));

        Assert.Empty(ok.Issues);
        Assert.Equal("Alasan koreksi terlalu panjang (501 karakter, maksimal 500).", Single(tooLong, RuleField.CorrectionReason).Message);
    }

    [Fact]
    public void Increment_IgnoresAnUnneededReason()
    {
        var result = Preview(Draft(People, 2, EntryKind.Increment, 20, D(6, 2), reason: "x"));
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Correction_Zero_IsError()
    {
        var result = Preview(Draft(People, 2, EntryKind.Correction, 0, D(6, 2), reason: "Salah hitung"), Saved(People, 2, D(5, 1), 22));
        Assert.Equal("Koreksi tidak boleh 0.", Single(result, RuleField.Value).Message);
    }

    [Fact]
    public void Correction_MakingQuarterToDateTotalNegative_IsError()
    {
        var result = Preview(Draft(People, 2, EntryKind.Correction, -6, D(6, 2), reason: "Salah hitung"),
            Saved(People, 1, D(3, 1), 3), Saved(People, 2, D(5, 1), 2));

        Assert.Equal("Koreksi membuat total sampai TW II negatif (-1).", Single(result, RuleField.Value).Message);
        Assert.False(result.CanSave);
    }

    [Fact]
    public void Correction_DownToExactlyZero_IsAllowed()
    {
        var result = Preview(Draft(People, 2, EntryKind.Correction, -5, D(6, 2), reason: "Salah hitung"),
            Saved(People, 1, D(3, 1), 3), Saved(People, 2, D(5, 1), 2));

        Assert.Empty(result.Issues);
        Assert.Equal(0m, result.After!.Realisation);
    }

    [Fact]
    public void Correction_OfEarlierQuarter_MakingALaterTotalNegative_IsError()
    {
        // TW I total 10 - 5 = 5 is fine, but TW II already holds a -8 correction: 10 - 8 - 5 = -3.
        var result = Preview(Draft(People, 1, EntryKind.Correction, -5, D(3, 20), reason: "Salah hitung"),
            Saved(People, 1, D(3, 1), 10), Saved(People, 2, D(5, 1), -8));

        Assert.Equal("Koreksi membuat total sampai TW II negatif (-3).", Single(result, RuleField.Value).Message);
    }

    [Fact]
    public void Correction_TotalOnlyCountsThisIndicatorsEntries()
    {
        var result = Preview(Draft(People, 2, EntryKind.Correction, -4, D(6, 2), reason: "Salah hitung"),
            Saved(People, 2, D(5, 1), 3), Saved(People, 2, D(5, 1), 50, code: "OTHER"));

        Assert.Equal("Koreksi membuat total sampai TW II negatif (-1).", Single(result, RuleField.Value).Message);
    }

    // ---- level values ----

    [Fact]
    public void Correction_OnLevel_ReplacesTheValue()
    {
        var result = Preview(Draft(Share, 2, EntryKind.Correction, 36, D(6, 30), reason: "Salah ketik 63"), Saved(Share, 2, D(6, 30), 63));

        Assert.Empty(result.Issues);
        Assert.Equal(36m, result.After!.Realisation);
        Assert.Equal(90m, result.After.Capaian);
    }

    [Fact]
    public void Correction_OnLevel_WithoutReason_IsError()
    {
        var result = Preview(Draft(Share, 2, EntryKind.Correction, 36, D(6, 30)), Saved(Share, 2, D(6, 30), 63));
        Assert.Equal("Koreksi wajib disertai alasan.", Single(result, RuleField.CorrectionReason).Message);
    }

    [Fact]
    public void Correction_OnLevel_GetsThePercentageChecks()
    {
        var result = Preview(Draft(Share, 2, EntryKind.Correction, -1, D(6, 30), reason: "Salah ketik"), Saved(Share, 2, D(6, 30), 63));
        Assert.Equal("Persentase tidak boleh negatif.", Single(result, RuleField.Value).Message);
    }

    [Fact]
    public void Correction_OnLevel_DatedBeforeTheLatestValue_IsError()
    {
        var result = Preview(Draft(Share, 2, EntryKind.Correction, 36, D(6, 1), reason: "Salah ketik"), Saved(Share, 2, D(6, 20), 63));

        var issue = Single(result, RuleField.Date);
        Assert.False(issue.NeedsConfirmation);
        Assert.StartsWith("Sudah ada nilai per 20 Jun 2025", issue.Message);
        Assert.Equal(63m, result.After!.Realisation);
    }

    [Fact]
    public void Level_DatedBeforeTheLatestValue_NeedsConfirmation_AndConfirmedPasses()
    {
        var draft = Draft(Share, 2, EntryKind.Level, 30, D(5, 1));
        var existing = Saved(Share, 2, D(6, 20), 38);

        var issue = Single(Preview(draft, existing), RuleField.Date);
        Assert.True(issue.NeedsConfirmation);
        Assert.Equal("Sudah ada nilai per 20 Jun 2025: nilai bertanggal lebih awal tidak mengubah realisasi TW II. Simpan juga?", issue.Message);
        Assert.Empty(Preview(draft with { Confirmed = true }, existing).Issues);
    }

    [Fact]
    public void Level_OnTheDateOfTheLatestValue_Replaces()
    {
        var result = Preview(Draft(Share, 2, EntryKind.Level, 39, D(6, 20)), Saved(Share, 2, D(6, 20), 38));

        Assert.Empty(result.Issues);
        Assert.Equal(39m, result.After!.Realisation);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("-5")]
    public void Level_NegativePercentage_IsError(string value)
    {
        var result = Preview(Draft(Share, 2, EntryKind.Level, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), D(6, 2)));

        var issue = Single(result, RuleField.Value);
        Assert.Equal("Persentase tidak boleh negatif.", issue.Message);
        Assert.False(issue.NeedsConfirmation);
        Assert.False(result.CanSave);
    }

    [Fact]
    public void Level_NegativeAngka_IsAllowed()
    {
        var result = Preview(Draft(Score, 2, EntryKind.Level, -1, D(6, 2), penghambat: "Penilaian ulang"));
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Level_PercentageOver100_NeedsConfirmation()
    {
        var share = new Indicator("P2", "Persentase layanan", "Persentase", 100m, [100m, 100m, 100m, 100m]);
        var result = Preview(Draft(share, 2, EntryKind.Level, 100.5m, D(6, 2)));

        var issue = Single(result, RuleField.Value);
        Assert.Equal("Persentase di atas 100. Yakin?", issue.Message);
        Assert.True(issue.NeedsConfirmation);
        Assert.False(result.HasErrors);
        Assert.True(result.NeedsConfirmation);
        Assert.False(result.CanSave);
    }

    [Fact]
    public void Level_PercentageOver100_Confirmed_CanSave()
    {
        var share = new Indicator("P2", "Persentase layanan", "Persentase", 100m, [100m, 100m, 100m, 100m]);
        var result = Preview(Draft(share, 2, EntryKind.Level, 100.5m, D(6, 2), confirmed: true));

        Assert.Empty(result.Issues);
        Assert.True(result.CanSave);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("Persen")]
    [InlineData("persentase")]
    public void Level_PercentageUnitSpellings_AllGetThe100Check(string unit)
    {
        var share = new Indicator("P2", "Persentase layanan", unit, 100m, [100m, 100m, 100m, 100m]);
        Assert.Contains(Preview(Draft(share, 2, EntryKind.Level, 101, D(6, 2))).Issues, i => i.Message == "Persentase di atas 100. Yakin?");
    }

    [Fact]
    public void Level_PercentageOfExactly100_HasNoConfirmation()
    {
        var share = new Indicator("P2", "Persentase layanan", "Persentase", 100m, [100m, 100m, 100m, 100m]);
        Assert.Empty(Preview(Draft(share, 2, EntryKind.Level, 100, D(6, 2))).Issues);
    }

    [Fact]
    public void Level_AngkaOver100_IsNotAPercentage()
    {
        var index = new Indicator("I", "Indeks kepuasan", "Indeks", 300m, [300m, 300m, 300m, 300m]);
        Assert.Empty(Preview(Draft(index, 2, EntryKind.Level, 310, D(6, 2))).Issues);
    }

    // ---- fractional counts ----

    [Fact]
    public void Increment_FractionOfACountUnit_NeedsConfirmation_AndConfirmedPasses()
    {
        var draft = Draft(People, 2, EntryKind.Increment, 2.5m, D(6, 2));
        var existing = Saved(People, 2, D(5, 1), 18);

        var issue = Single(Preview(draft, existing), RuleField.Value);
        Assert.True(issue.NeedsConfirmation);
        Assert.Equal("2,5 Orang: satuan ini biasanya bilangan bulat. Yakin?", issue.Message);
        Assert.Empty(Preview(draft with { Confirmed = true }, existing).Issues);
    }

    // ---- capaian above 200 % ----

    [Fact]
    public void Capaian_Over200_NeedsConfirmation_NamingTheIdFormattedCapaian()
    {
        // TW I target 8: 33 is 412,5 %.
        var result = Preview(Draft(People, 1, EntryKind.Increment, 33, D(3, 31)));

        var issue = Single(result, RuleField.Value);
        Assert.True(issue.NeedsConfirmation);
        Assert.Equal("Capaian menjadi 412,5%: kemungkinan salah ketik. Simpan juga?", issue.Message);
        Assert.False(result.CanSave);
        Assert.Equal(412.5m, result.After!.Capaian);
        Assert.True(result.After.Warning);
    }

    [Fact]
    public void Capaian_Over200_Confirmed_CanSave()
    {
        var result = Preview(Draft(People, 1, EntryKind.Increment, 33, D(3, 31), confirmed: true));

        Assert.Empty(result.Issues);
        Assert.True(result.CanSave);
        Assert.True(result.After!.Warning);
    }

    [Theory]
    [InlineData(16, false)]  // exactly 200 %
    [InlineData(17, true)]   // 212,5 %
    public void Capaian_OnlyAbove200_NeedsConfirmation(int value, bool expected)
    {
        var result = Preview(Draft(People, 1, EntryKind.Increment, value, D(3, 31)));
        Assert.Equal(expected, result.Issues.Any(i => i.Message.StartsWith("Capaian menjadi")));
    }

    [Fact]
    public void Capaian_Over200_CountsExistingEntries()
    {
        // 10 saved + 7 = 17 against 8.
        var result = Preview(Draft(People, 1, EntryKind.Increment, 7, D(3, 31)), Saved(People, 1, D(2, 1), 10));
        Assert.Equal("Capaian menjadi 212,5%: kemungkinan salah ketik. Simpan juga?", Single(result, RuleField.Value).Message);
    }

    [Fact]
    public void Capaian_Over200_ForALevelPercentage()
    {
        // 45 against TW II target 40 is fine; 90 would be 225 %.
        var result = Preview(Draft(Share, 2, EntryKind.Level, 90, D(6, 2)));
        Assert.Equal("Capaian menjadi 225%: kemungkinan salah ketik. Simpan juga?", Single(result, RuleField.Value).Message);
    }

    [Fact]
    public void Capaian_StillOver200ButLoweredByTheDraft_IsNotQuestioned()
    {
        // 40 against 8 (500 %) corrected by -5 to 35 (437,5 %): fixing a typo step by step needs no confirmation.
        var result = Preview(Draft(People, 1, EntryKind.Correction, -5, D(3, 31), reason: "Salah ketik"), Saved(People, 1, D(2, 1), 40));

        Assert.Empty(result.Issues);
        Assert.True(result.After!.Warning);
    }

    [Fact]
    public void Capaian_InProgress_ComparesTheFullQuarterTarget_NotTheProRatedOne()
    {
        var early = RulesClock.Evaluator(2025, 1, 5);
        var indicator = new Indicator("M", "Jumlah anggota", "Orang", 400m, [100m, 200m, 300m, 400m]);

        var onTrack = RealisationRules.Preview(Draft(indicator, 1, EntryKind.Increment, 30, D(1, 3)), [], early);
        var typo = RealisationRules.Preview(Draft(indicator, 1, EntryKind.Increment, 210, D(1, 3)), [], early);

        Assert.True(onTrack.After!.Capaian > 200m);
        Assert.Empty(onTrack.Issues);
        Assert.Equal("Capaian menjadi 210%: kemungkinan salah ketik. Simpan juga?", Single(typo, RuleField.Value).Message);
    }

    // ---- red needs faktor penghambat ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Red_WithoutPenghambat_IsError(string? penghambat)
    {
        // TW II target 20: 10 is 50 % (Sangat Rendah).
        var result = Preview(Draft(People, 2, EntryKind.Increment, 2, D(6, 2), penghambat: penghambat), Saved(People, 1, D(3, 1), 8));

        var issue = Single(result, RuleField.Penghambat);
        Assert.Equal("Capaian menjadi merah (Sangat Rendah): isi faktor penghambat.", issue.Message);
        Assert.False(issue.NeedsConfirmation);
        Assert.Equal(TrafficLight.Red, result.After!.Light);
        Assert.False(result.CanSave);
    }

    [Fact]
    public void Red_WithPenghambat_CanSave()
    {
        var result = Preview(Draft(People, 2, EntryKind.Increment, 2, D(6, 2), penghambat: "Anggaran pelatihan baru cair Juli"), Saved(People, 1, D(3, 1), 8));

        Assert.Empty(result.Issues);
        Assert.Equal(Band.SangatRendah, result.After!.Band);
    }

    [Fact]
    public void Red_Confirmed_StillNeedsPenghambat()
    {
        var result = Preview(Draft(People, 2, EntryKind.Increment, 2, D(6, 2), penghambat: null, confirmed: true), Saved(People, 1, D(3, 1), 8));
        Single(result, RuleField.Penghambat);
    }

    [Fact]
    public void Yellow_WithoutPenghambat_CanSave()
    {
        // 12 against 20 is 60 % (Rendah, yellow).
        var result = Preview(Draft(People, 2, EntryKind.Increment, 4, D(6, 2), penghambat: null), Saved(People, 1, D(3, 1), 8));

        Assert.Empty(result.Issues);
        Assert.Equal(TrafficLight.Yellow, result.After!.Light);
    }

    [Fact]
    public void RedBeforeButGreenAfter_NeedsNoPenghambat()
    {
        var result = Preview(Draft(People, 2, EntryKind.Increment, 12, D(6, 2), penghambat: null), Saved(People, 1, D(3, 1), 8));

        Assert.Empty(result.Issues);
        Assert.Equal(TrafficLight.Green, result.After!.Light);
    }

    [Fact]
    public void Red_ForALevelValue_NeedsPenghambat()
    {
        var result = Preview(Draft(Share, 2, EntryKind.Level, 20, D(6, 2), penghambat: null));
        Single(result, RuleField.Penghambat);
    }

    // ---- the status after saving ----

    [Fact]
    public void After_IncludesTheDraft()
    {
        var existing = Saved(People, 1, D(2, 1), 4);
        var before = July10.Evaluate(People, Year, 1, [existing]);

        var result = Preview(Draft(People, 1, EntryKind.Increment, 3, D(3, 2)), existing);

        Assert.Equal(50m, before.Capaian);
        Assert.Equal(7m, result.After!.Realisation);
        Assert.Equal(87.5m, result.After.Capaian);
        Assert.Equal(Band.Tinggi, result.After.Band);
        Assert.Equal(1, result.After.Quarter);
    }

    [Fact]
    public void After_IgnoresOtherIndicatorsEntries()
    {
        var result = Preview(Draft(People, 1, EntryKind.Increment, 8, D(3, 2)), Saved(People, 1, D(2, 1), 100, code: "OTHER"));

        Assert.Equal(8m, result.After!.Realisation);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void After_IsComputedEvenWhenTheDraftHasErrors_ButTheirStatusIssuesAreNot()
    {
        // A negative increment would also turn the quarter red; only the value error is shown.
        var result = Preview(Draft(People, 2, EntryKind.Increment, -5, D(6, 2), penghambat: null), Saved(People, 1, D(3, 1), 8));

        Assert.Equal(RuleField.Value, Assert.Single(result.Issues).Field);
        Assert.Equal(3m, result.After!.Realisation);
    }

    // ---- dates ----

    [Theory]
    [InlineData(2024, 12, 31)]
    [InlineData(2026, 1, 1)]
    public void Date_OutsideThePlanYear_IsError(int year, int month, int day)
    {
        var result = Preview(Draft(People, 1, EntryKind.Increment, 1, new DateOnly(year, month, day)));
        Assert.Equal("Tanggal harus dalam tahun 2025.", Single(result, RuleField.Date).Message);
    }

    [Fact]
    public void Date_AfterTheEndOfAnEndedQuarter_IsError()
    {
        // Recorded late, on 10 July, for TW II: the entry is dated within TW II, not today.
        var result = Preview(Draft(People, 2, EntryKind.Increment, 12, D(7, 1)));

        var issue = Single(result, RuleField.Date);
        Assert.Equal("Tanggal di luar TW II (1 Apr–30 Jun 2025).", issue.Message);
        Assert.False(issue.NeedsConfirmation);
        Assert.False(result.CanSave);
    }

    [Fact]
    public void Date_BeforeTheStartOfTheQuarter_IsError()
    {
        var result = Preview(Draft(People, 2, EntryKind.Increment, 12, D(3, 31)));
        Assert.Equal("Tanggal di luar TW II (1 Apr–30 Jun 2025).", Single(result, RuleField.Date).Message);
    }

    [Theory]
    [InlineData(1, 4, 1, "Tanggal di luar TW I (1 Jan–31 Mar 2025).")]
    [InlineData(3, 10, 1, "Tanggal di luar TW III (1 Jul–30 Sep 2025).")]
    [InlineData(4, 9, 30, "Tanggal di luar TW IV (1 Okt–31 Des 2025).")]
    public void Date_OutsideQuarter_NamesTheQuarterInIndonesian(int quarter, int month, int day, string message)
    {
        var afterYear = RulesClock.Evaluator(2026, 1, 15);
        var result = RealisationRules.Preview(Draft(People, quarter, EntryKind.Increment, 1, D(month, day)), [], afterYear);
        Assert.Equal(message, Single(result, RuleField.Date).Message);
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(5, 15)]
    [InlineData(6, 30)]
    public void Date_InsideAnEndedQuarter_IsAccepted(int month, int day)
    {
        var result = Preview(Draft(People, 2, EntryKind.Increment, 12, D(month, day)), Saved(People, 1, D(3, 1), 8));
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Date_AfterToday_IsError()
    {
        var result = Preview(Draft(People, 3, EntryKind.Increment, 1, D(7, 11)), Saved(People, 2, D(6, 1), 20));
        Assert.Equal("Tanggal tidak boleh setelah hari ini (10 Jul 2025).", Single(result, RuleField.Date).Message);
    }

    [Fact]
    public void Date_AfterToday_UsesIndonesianMonthAbbreviation()
    {
        var august = RulesClock.Evaluator(2025, 8, 15);
        var result = RealisationRules.Preview(Draft(People, 3, EntryKind.Increment, 1, D(9, 1)), [Saved(People, 2, D(6, 1), 20)], august);
        Assert.Equal("Tanggal tidak boleh setelah hari ini (15 Agu 2025).", Single(result, RuleField.Date).Message);
    }

    [Fact]
    public void Date_Today_IsAccepted()
    {
        var result = Preview(Draft(People, 3, EntryKind.Increment, 1, D(7, 10)), Saved(People, 2, D(6, 1), 20));
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Date_TodayIsTheAgencysDate_NotUtc()
    {
        // 20:00 UTC on 10 July is already 03:00 on 11 July in Purbalingga (WIB).
        var evaluator = RulesClock.EvaluatorAtUtc(new DateTimeOffset(2025, 7, 10, 20, 0, 0, TimeSpan.Zero));
        var result = RealisationRules.Preview(Draft(People, 3, EntryKind.Increment, 1, D(7, 11)), [Saved(People, 2, D(6, 1), 20)], evaluator);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Date_InAQuarterThatHasNotStarted_IsError()
    {
        var result = Preview(Draft(People, 4, EntryKind.Increment, 1, D(10, 1)));

        Assert.Equal("Tanggal tidak boleh setelah hari ini (10 Jul 2025).", Single(result, RuleField.Date).Message);
        Assert.Equal(StatusKind.NotDue, result.After!.Kind);
    }

    [Fact]
    public void Year_Implausible_IsErrorAndNothingIsEvaluated()
    {
        var result = Preview(Draft(People, 1, EntryKind.Increment, 1, new DateOnly(1999, 2, 1)) with { Year = 1999 });

        Assert.Equal("Tahun rencana 1999 tidak wajar.", Single(result, RuleField.Date).Message);
        Assert.Null(result.After);
    }

    // ---- kecamatan ----

    [Theory]
    [InlineData("Bobotsari")]
    [InlineData("bobotsari")]
    [InlineData("  BOBOTSARI ")]
    [InlineData("Kec. Bobotsari")]
    [InlineData("kecamatan karangmoncol")]
    [InlineData("Purbalingga")]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Kecamatan_KnownOrEmpty_IsAccepted(string? kecamatan)
    {
        var result = Preview(Draft(People, 2, EntryKind.Increment, 12, D(6, 2), kecamatan: kecamatan), Saved(People, 1, D(3, 1), 8));
        Assert.Empty(result.Issues);
    }

    [Theory]
    [InlineData("Bobotsar")]
    [InlineData("Cilacap")]
    [InlineData("Purwokerto")]
    [InlineData("Bobot sari")]
    public void Kecamatan_Unknown_IsError(string kecamatan)
    {
        var result = Preview(Draft(People, 2, EntryKind.Increment, 12, D(6, 2), kecamatan: kecamatan), Saved(People, 1, D(3, 1), 8));

        var issue = Single(result, RuleField.Kecamatan);
        Assert.Equal($"Kecamatan \"{kecamatan}\" tidak dikenal: pilih salah satu dari 18 kecamatan di Purbalingga.", issue.Message);
        Assert.False(result.CanSave);
    }

    // ---- note ----

    [Fact]
    public void Note_Of2000Characters_IsAccepted_2001IsError()
    {
        var ok = Preview(Draft(People, 2, EntryKind.Increment, 12, D(6, 2), note: new string('n', 2000)), Saved(People, 1, D(3, 1), 8));
        var tooLong = Preview(Draft(People, 2, EntryKind.Increment, 12, D(6, 2), note: new string('n', 2001)), Saved(People, 1, D(3, 1), 8));

        Assert.Empty(ok.Issues);
        Assert.Equal("Catatan terlalu panjang (2.001 karakter, maksimal 2.000).", Single(tooLong, RuleField.Note).Message);
    }

    // ---- result ----

    [Fact]
    public void Issues_ErrorsComeBeforeConfirmations()
    {
        var result = Preview(Draft(People, 1, EntryKind.Increment, 33, D(3, 31), kecamatan: "Cilacap"));

        Assert.Equal([false, true], result.Issues.Select(i => i.NeedsConfirmation));
        Assert.True(result.HasErrors);
        Assert.True(result.NeedsConfirmation);
        Assert.Single(result.For(RuleField.Kecamatan));
    }

    [Fact]
    public void Draft_ToEntry_UsesCanonicalKecamatanAndDropsBlankNote()
    {
        var recordedAt = new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(7));
        var entry = Draft(People, 2, EntryKind.Increment, 3, D(6, 2), kecamatan: " kec. bobotsari", note: "  ").ToEntry(recordedAt, "budi");

        Assert.Equal(new RealisationEntry("K", 2, D(6, 2), 3m, recordedAt, "budi", "Bobotsari", null), entry);
    }
}
