using Bunit;
using Dashboard.App.Components.Pages.PlanImport;
using Dashboard.App.Plans;
using Dashboard.Domain.Checks;
using Dashboard.Domain.Import;
using Dashboard.Domain.Plans;
using Dashboard.Tests.TestSupport;

namespace Dashboard.Tests.Components;

public sealed class ImportPreviewViewTests : BunitTestContext
{
    private static ImportPreview Preview(params string[][] rows)
    {
        var result = new PlanGridParser().Parse(SheetGrid.FromRows("Renaksi", rows.Select(r => r.Select(c => (SheetCell)c).ToArray())),
            new PlanGridOptions(2031, "Dinas"));
        var findings = result.Plan is null ? [] : new PlanChecker().Check(result.Plan);
        return new ImportPreview(2031, "rencana.xlsx", result.Plan, result.Issues, findings, true, [], result.Sheet, result.Rows)
        {
            Skipped = result.Skipped, SheetNames = result.SheetNames, PlanSheets = result.PlanSheets,
            Detected = ["Buku kerja Excel (.xlsx) dengan 1 lembar: Renaksi"],
        };
    }

    private static string[] Row(string uraian, string indicator, string unit, params string[] numbers) => ["", uraian, indicator, unit, .. numbers, ""];

    [Fact]
    public void CleanFile_ShowsCountsPerLevel_TheTree_AndFindings_AndCanConfirm()
    {
        var preview = Preview(
            PlanFiles.Header,
            Row("Tujuan 1 Meningkatnya X", "Jumlah A", "Unit", "4", "1", "2", "3", "4"),
            Row("", "Jumlah B", "Orang", "12,7", "3", "6", "9", "12,7"),
            Row("Sasaran 1 Meningkatnya Y", "Persentase C", "Persentase", "50", "10", "20", "30", "50"));

        var view = Render<ImportPreviewView>(p => p.Add(c => c.Preview, preview));

        Assert.Equal("true", view.Find("[data-testid=import-preview]").GetAttribute("data-can-confirm"));
        Assert.Equal("2", view.Find("[data-testid=import-node-count]").TextContent);
        Assert.Equal("3", view.Find("[data-testid=import-indicator-count]").TextContent);
        Assert.Contains("Tujuan: 1", view.Find("[data-testid=level-count][data-level=Tujuan]").TextContent);
        Assert.Contains("Program: 0", view.Find("[data-testid=level-count][data-level=Program]").TextContent);
        Assert.Equal(["T1", "T1.S1"], view.FindAll("[data-testid=import-tree-node]").Select(n => n.GetAttribute("data-code")));
        Assert.Contains(view.FindAll("[data-testid=import-finding]"), f => f.TextContent.Contains("RK05", StringComparison.Ordinal));
        Assert.Empty(view.FindAll("[data-testid=import-has-errors]"));
    }

    [Fact]
    public void Errors_AreListedFirst_WithSheetRowAndColumn_AndBlockConfirm()
    {
        var preview = Preview(
            PlanFiles.Header,
            Row("Tujuan 1 Meningkatnya X", "Jumlah A", "Unit", "4", "1", "2", "3", "4"),
            Row("Sasaran 1 Tanpa indikator", "", ""),
            Row("Program 1 Z", "Jumlah B", "Unit", "4", "1", "dua", "3", "4"));

        var view = Render<ImportPreviewView>(p => p.Add(c => c.Preview, preview));

        Assert.Equal("false", view.Find("[data-testid=import-preview]").GetAttribute("data-can-confirm"));
        Assert.Contains("1 kesalahan", view.Find("[data-testid=import-has-errors]").TextContent);
        var issues = view.FindAll("[data-testid=import-issue]");
        Assert.Equal("error", issues[0].GetAttribute("data-kind"));
        var cells = issues[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Kesalahan", "Renaksi", "4", "TW II (G)"], cells[..4]);
        Assert.Contains("\"dua\" bukan angka", cells[4]);
        // Sasaran 1 only groups Program 1: a parent node, not a warning.
        Assert.DoesNotContain(issues, i => i.GetAttribute("data-row") == "3");
    }

    [Fact]
    public void SignatureBlock_IsListedAsSkippedRows_ApartFromProblems_WithWhatWasDetected()
    {
        var preview = Preview(
            PlanFiles.Header,
            Row("Tujuan 1 Meningkatnya X", "Jumlah A", "Unit", "4", "", "", "", ""),
            Row("Sasaran 1 Meningkatnya Y", "Persentase C", "Persentase", "50", "10", "20", "30", "50"),
            [],
            ["", "", "", "", "", "", "", "Purbalingga, Januari 2031"],
            ["", "", "", "", "", "", "", "NIP. 19700101 199503 1 002"]);

        var view = Render<ImportPreviewView>(p => p.Add(c => c.Preview, preview));

        Assert.Equal("true", view.Find("[data-testid=import-preview]").GetAttribute("data-can-confirm"));
        Assert.Empty(view.FindAll("[data-testid=import-issue]"));
        Assert.Equal(["5", "6"], view.FindAll("[data-testid=import-skipped-row]").Select(r => r.GetAttribute("data-row")));
        var cells = view.FindAll("[data-testid=import-skipped-row]")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Renaksi", "5", SkippedRow.BelowTable, "Purbalingga, Januari 2031"], cells);
        Assert.Contains("Baris yang dilewati (2)", view.Markup);
        Assert.Equal("Terdeteksi: Buku kerja Excel (.xlsx) dengan 1 lembar: Renaksi",
            view.Find("[data-testid=import-detected-item]").TextContent.Trim());
        Assert.Contains("1 indikator hanya bertarget tahunan", view.Find("[data-testid=import-annual-only]").TextContent);
    }

    [Fact]
    public void FileLevelError_ShowsTheMessage_WithoutTree()
    {
        var preview = new ImportPreview(2031, "rencana.pdf", null,
            [new ImportIssue(Severity.Error, "rencana.pdf", null, null, "Jenis berkas .pdf tidak didukung.")], [], false, [], null, 0);

        var view = Render<ImportPreviewView>(p => p.Add(c => c.Preview, preview));

        Assert.Contains("Jenis berkas .pdf tidak didukung.", view.Find("[data-testid=import-issue]").TextContent);
        Assert.Empty(view.FindAll("[data-testid=import-tree]"));
        Assert.Equal("0", view.Find("[data-testid=import-node-count]").TextContent);
    }

    [Fact]
    public void Changes_ToAStoredPlan_ShowBeforeAndAfter_AndWhyAnIndicatorIsKept()
    {
        var before = new IndicatorValues("Jumlah A", "Unit", 4, 1, 2, 3, 4, null, "Positive", "Cumulative");
        var changes = new List<PlanChangeItem>
        {
            new(PlanChangeKind.Changed, "Indikator", "T1.I1", "Jumlah A", before, before with { Target = 5, Tw4 = 5 }),
            new(PlanChangeKind.Kept, "Indikator", "T1.I2", "Jumlah B", before, null, "sudah memiliki realisasi"),
        };
        var preview = Preview(PlanFiles.Header, Row("Tujuan 1 Meningkatnya X", "Jumlah A", "Unit", "5", "1", "2", "3", "5")) with { IsNewYear = false, Changes = changes };

        var view = Render<ImportPreviewView>(p => p.Add(c => c.Preview, preview));

        Assert.Contains("Target: 4 → 5; TW IV: 4 → 5", view.Find("[data-testid=import-change][data-code='T1.I1']").TextContent);
        Assert.Contains("sudah memiliki realisasi", view.Find("[data-testid=import-change][data-kind=Kept]").TextContent);
    }
}
