using System.Text;
using System.Text.Json.Nodes;
using Dashboard.Domain.Plans;

namespace Dashboard.Tests.Domain;

/// <summary>The transcribed 2025 plan, found by walking up to the folder holding Dashboard.sln.</summary>
internal static class SeedPlan
{
    public static string Path2025 { get; } = Path.Combine(SolutionFolder(), "Dashboard.App", "Data", "Seed", "renaksi-2025.json");

    public static Plan Load2025()
    {
        using var stream = File.OpenRead(Path2025);
        return PlanJson.Read(stream);
    }

    private static string SolutionFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Dashboard.sln not found above {AppContext.BaseDirectory}.");
    }
}

public class PlanJsonTests
{
    private const string Minimal = """
        {
          "year": 2025,
          "agency": "Dinas Uji",
          "nodes": [
            {
              "code": "T1", "level": "Tujuan", "title": "Tujuan uji",
              "indicators": [ { "code": "T1.I1", "name": "Persentase uji", "unit": "Persentase", "target": 7.1, "tw": [0, 0, 3.9, 7.1] } ],
              "children": []
            }
          ]
        }
        """;

    [Fact]
    public void BlankQuarterTargets_AreNull_AndSurviveWriteAndRead()
    {
        var plan = PlanJson.Read(Minimal.Replace("[0, 0, 3.9, 7.1]", "[null, 0, null, 7.1]"));

        var again = PlanJson.Read(PlanJson.Write(plan)).FindIndicator("T1.I1")!;

        Assert.Equal(new decimal?[] { null, 0m, null, 7.1m }, again.QuarterTargets);
    }

    [Fact]
    public void SeedFile_ReadsWholePlanWithHeader()
    {
        var plan = SeedPlan.Load2025();

        Assert.Equal(2025, plan.Year);
        Assert.Equal("Dinas Koperasi dan UKM Kabupaten Purbalingga", plan.Agency);
        Assert.Equal("Rencana Aksi Tahun 2025", plan.Title);
        Assert.Equal("Purbalingga", plan.SignedPlace);
        Assert.Equal("Januari 2025", plan.SignedDate);
        Assert.Equal("Kepala Dinas Koperasi dan UKM", plan.SignerTitle);
        Assert.Equal(["T1", "T2"], plan.Roots.Select(r => r.Code));
        Assert.Equal(57, plan.AllNodes().Count());
        Assert.Equal(63, plan.AllIndicators().Count());
    }

    [Fact]
    public void SeedFile_KeepsDecimalsExactAndDocumentValues()
    {
        var plan = SeedPlan.Load2025();

        var sakip = plan.FindIndicator("T2.S1.I1")!;
        Assert.Equal("Nilai SAKIP DINKOP UKM", sakip.Name);
        Assert.Equal("Angka", sakip.Unit);
        Assert.Equal(73.33m, sakip.AnnualTarget);
        Assert.Equal([0m, 0m, 73.25m, 0m], sakip.QuarterTargets);
        Assert.Equal(Aggregation.Level, sakip.Aggregation);
        Assert.Equal(Polarity.Positive, sakip.Polarity);

        var internet = plan.FindIndicator("T1.S2.P2.I1")!;
        Assert.Equal([1.105m, 2.21m, 3.315m, 4.42m], internet.QuarterTargets);

        var orang = plan.FindIndicator("T1.S2.I1")!;
        Assert.Equal(Aggregation.Cumulative, orang.Aggregation);
        Assert.Equal(12.7m, orang.TargetFor(2));

        Assert.Equal("Capaian pada akhir tahun", plan.FindIndicator("T1.I1")!.Remark);
        Assert.Null(plan.FindIndicator("T1.I2")!.Remark);
    }

    [Fact]
    public void SeedFile_KeepsTreeLevelsAndLabels()
    {
        var plan = SeedPlan.Load2025();

        var sub = plan.FindNode("T1.S1.P1.K1.SK1")!;
        Assert.Equal(NodeLevel.SubKegiatan, sub.Level);
        Assert.Equal("Sub Kegiatan 1", sub.Label);
        Assert.Equal(["T1.S1.P1.K1", "T1.S1.P1", "T1.S1", "T1"], sub.Ancestors().Select(a => a.Code));
        Assert.Equal("PROGRAM 1", plan.FindNode("T1.S2.P1")!.Label);
        Assert.Equal(6, plan.FindNode("T2.S1.P1")!.Indicators.Count);
    }

    [Fact]
    public void SeedFile_WrittenBack_IsTheSameJson()
    {
        var text = File.ReadAllText(SeedPlan.Path2025);

        var written = PlanJson.Write(PlanJson.Read(text));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(written)), "Written JSON differs from the seed file.");
    }

    [Fact]
    public void SeedFile_RoundTrip_GivesEqualPlan()
    {
        var plan = SeedPlan.Load2025();

        var again = PlanJson.Read(PlanJson.Write(plan));

        AssertSamePlan(plan, again);
    }

    [Fact]
    public void RoundTrip_KeepsNonDefaultPolarityAggregationAndOptionalFields()
    {
        var root = new PlanNode("T1", NodeLevel.Tujuan, "Tujuan");
        root.AddIndicator(new Indicator("T1.I1", "Persentase kemiskinan", "Persentase", 9.5m, [10m, 9.9m, 9.7m, 9.5m],
            Polarity.Negative, remark: "Turun tiap triwulan"));
        root.AddIndicator(new Indicator("T1.I2", "Jumlah koperasi aktif", "Koperasi", 120m, [120m, 120m, 120m, 120m],
            aggregation: Aggregation.Level));
        var child = root.AddChild(new PlanNode("T1.K1", NodeLevel.Kegiatan, "Kegiatan \"khusus\" & <lainnya>", "Kegiatan 1."));
        child.AddIndicator(new Indicator("T1.K1.I1", "Jumlah dokumen", "Dokumen", 0.000001m, [0m, 0m, 0m, 0.000001m]));
        var plan = new Plan(2026, "Dinas Uji", "", [root]) { SignerTitle = "Kepala Dinas" };

        var json = PlanJson.Write(plan);
        var again = PlanJson.Read(json);

        AssertSamePlan(plan, again);
        Assert.Equal(Polarity.Negative, again.FindIndicator("T1.I1")!.Polarity);
        Assert.Equal(Aggregation.Level, again.FindIndicator("T1.I2")!.Aggregation);
        Assert.Null(again.SignedPlace);
        Assert.DoesNotContain("signedPlace", json);
        Assert.DoesNotContain("\"polarity\": \"Positive\"", json);
        Assert.Contains("\"aggregation\": \"Level\"", json);
        Assert.Contains("Kegiatan \\\"khusus\\\" & <lainnya>", json);
    }

    [Fact]
    public void Write_UsesTheSeedFileLayout()
    {
        var root = new PlanNode("T1", NodeLevel.Tujuan, "Tujuan/uji", "Tujuan 1");
        root.AddIndicator(new Indicator("T1.I1", "Persentase koperasi", "Persentase", 7.1m, [0m, 0m, 3.9m, 7.1m], remark: "Catatan"));
        var plan = new Plan(2025, "Dinas Uji", "Rencana Aksi", [root]) { SignedPlace = "Purbalingga" };

        var json = PlanJson.Write(plan);

        Assert.Equal("""
            {
              "year": 2025,
              "agency": "Dinas Uji",
              "title": "Rencana Aksi",
              "signedPlace": "Purbalingga",
              "nodes": [
                {
                  "code": "T1",
                  "level": "Tujuan",
                  "label": "Tujuan 1",
                  "title": "Tujuan/uji",
                  "indicators": [
                    {
                      "code": "T1.I1",
                      "name": "Persentase koperasi",
                      "unit": "Persentase",
                      "target": 7.1,
                      "tw": [
                        0,
                        0,
                        3.9,
                        7.1
                      ],
                      "remark": "Catatan"
                    }
                  ],
                  "children": []
                }
              ]
            }

            """.ReplaceLineEndings("\n"), json);
    }

    [Fact]
    public void Read_FromStringAndStream_GiveSamePlan()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Minimal));

        AssertSamePlan(PlanJson.Read(Minimal), PlanJson.Read(stream));
    }

    [Fact]
    public void Read_MissingOptionalFields_UsesDefaults()
    {
        var plan = PlanJson.Read(Minimal);

        var node = plan.Roots.Single();
        Assert.Equal("Rencana Aksi Tahun 2025", plan.Title);
        Assert.Equal("Tujuan", node.Label);
        Assert.Null(plan.SignedPlace);
        var indicator = node.Indicators.Single();
        Assert.Equal(Polarity.Positive, indicator.Polarity);
        Assert.Equal(Aggregation.Level, indicator.Aggregation);
        Assert.Equal(7.1m, indicator.AnnualTarget);
    }

    [Fact]
    public void Read_NumberWithManyDecimals_IsExact()
    {
        var plan = PlanJson.Read(Minimal.Replace("7.1,", "0.1234567890123456789,"));

        Assert.Equal(0.1234567890123456789m, plan.FindIndicator("T1.I1")!.AnnualTarget);
    }

    [Theory]
    [InlineData("not json", "bukan JSON")]
    [InlineData("{ \"year\": 2025, }", "baris 1")]
    [InlineData("[]", "objek JSON")]
    [InlineData("{ \"agency\": \"A\", \"nodes\": [] }", "\"year\"")]
    [InlineData("{ \"year\": 2025.5, \"agency\": \"A\", \"nodes\": [] }", "bilangan bulat")]
    [InlineData("{ \"year\": 1990, \"agency\": \"A\", \"nodes\": [] }", "Tahun rencana tidak wajar")]
    [InlineData("{ \"year\": 2025, \"nodes\": [] }", "\"agency\"")]
    [InlineData("{ \"year\": 2025, \"agency\": \"A\" }", "\"nodes\"")]
    [InlineData("{ \"year\": 2025, \"year\": 2026, \"agency\": \"A\", \"nodes\": [] }", "bukan JSON")]
    public void Read_BadPlanHeader_Throws(string json, string expected)
    {
        var ex = Assert.Throws<PlanFormatException>(() => PlanJson.Read(json));

        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData("\"level\": \"Tujuan\"", "\"level\": \"Goal\"", "Tingkat \"Goal\" pada node T1")]
    [InlineData("\"level\": \"Tujuan\"", "\"level\": \"tujuan\"", "Tingkat \"tujuan\"")]
    [InlineData("\"level\": \"Tujuan\"", "\"level\": \"1\"", "Tingkat \"1\"")]
    [InlineData("\"level\": \"Tujuan\"", "\"level\": \"Sasaran\"", "Node akar T1 harus bertingkat Tujuan")]
    [InlineData("\"code\": \"T1\", ", "", "\"code\" wajib diisi pada node nodes[0]")]
    [InlineData("\"title\": \"Tujuan uji\"", "\"title\": \" \"", "\"title\" wajib diisi pada node T1")]
    [InlineData("\"target\": 7.1", "\"target\": \"7,1\"", "\"target\" pada indikator T1.I1 harus berupa angka")]
    [InlineData("\"target\": 7.1", "\"target\": null", "\"target\" wajib ada pada indikator T1.I1")]
    [InlineData("\"target\": 7.1", "\"target\": -1", "tidak boleh negatif")]
    [InlineData("[0, 0, 3.9, 7.1]", "[0, 3.9, 7.1]", "\"tw\" pada indikator T1.I1 harus berupa larik tepat empat angka")]
    [InlineData("[0, 0, 3.9, 7.1]", "[0, 0, \"3,9\", 7.1]", "\"tw[2]\" pada indikator T1.I1")]
    [InlineData("\"unit\": \"Persentase\"", "\"unit\": 5", "\"unit\" pada indikator T1.I1 harus berupa teks")]
    [InlineData("\"unit\": \"Persentase\"", "\"unit\": \"Persentase\", \"polarity\": \"Negatif\"", "Polaritas \"Negatif\" pada indikator T1.I1")]
    [InlineData("\"unit\": \"Persentase\"", "\"unit\": \"Persentase\", \"aggregation\": \"Sum\"", "Agregasi \"Sum\" pada indikator T1.I1")]
    [InlineData("\"code\": \"T1.I1\", ", "", "\"code\" wajib diisi pada indikator nodes[0].indicators[0] (node T1)")]
    [InlineData("\"code\": \"T1.I1\"", "\"code\": \"T1\"", "Kode T1 dipakai dua kali")]
    [InlineData("\"children\": []", "\"children\": {}", "\"children\" pada node T1 harus berupa larik")]
    [InlineData("\"children\": []", "\"children\": [ { \"code\": \"T1.S1\", \"level\": \"Tujuan\", \"title\": \"X\" } ]", "Tujuan T1.S1 tidak boleh berada di bawah Tujuan T1")]
    public void Read_BadNodeOrIndicator_ThrowsNamingWhere(string find, string replace, string expected)
    {
        Assert.Contains(find, Minimal);
        var json = Minimal.Replace(find, replace);

        var ex = Assert.Throws<PlanFormatException>(() => PlanJson.Read(json));

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Read_OptionalFieldsExplicitlyNull_UseDefaults()
    {
        var json = Minimal.Replace("\"unit\": \"Persentase\"", "\"unit\": \"Persentase\", \"polarity\": null, \"aggregation\": null, \"remark\": null")
            .Replace("\"children\": []", "\"children\": null, \"label\": null");

        var indicator = PlanJson.Read(json).FindIndicator("T1.I1")!;

        Assert.Equal(Polarity.Positive, indicator.Polarity);
        Assert.Null(indicator.Remark);
    }

    private static void AssertSamePlan(Plan expected, Plan actual)
    {
        Assert.Equal(expected.Year, actual.Year);
        Assert.Equal(expected.Agency, actual.Agency);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.SignedPlace, actual.SignedPlace);
        Assert.Equal(expected.SignedDate, actual.SignedDate);
        Assert.Equal(expected.SignerTitle, actual.SignerTitle);
        var expectedNodes = expected.AllNodes().ToList();
        var actualNodes = actual.AllNodes().ToList();
        Assert.Equal(expectedNodes.Count, actualNodes.Count);
        foreach (var (e, a) in expectedNodes.Zip(actualNodes))
        {
            Assert.Equal((e.Code, e.Level, e.Label, e.Title, e.Parent?.Code), (a.Code, a.Level, a.Label, a.Title, a.Parent?.Code));
            Assert.Equal(e.Indicators.Count, a.Indicators.Count);
            foreach (var (ei, ai) in e.Indicators.Zip(a.Indicators))
            {
                Assert.Equal((ei.Code, ei.Name, ei.Unit, ei.AnnualTarget, ei.Polarity, ei.Aggregation, ei.Remark),
                    (ai.Code, ai.Name, ai.Unit, ai.AnnualTarget, ai.Polarity, ai.Aggregation, ai.Remark));
                Assert.Equal(ei.QuarterTargets, ai.QuarterTargets);
            }
        }
    }
}
