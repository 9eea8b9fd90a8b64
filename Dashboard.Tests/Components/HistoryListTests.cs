using Bunit;
using Dashboard.App.Components.Pages.Input;
using Dashboard.App.Realisations;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Tests.TestSupport;

namespace Dashboard.Tests.Components;

public sealed class HistoryListTests : BunitTestContext
{
    private static readonly Indicator Count = new("K.I1", "Jumlah koperasi diperiksa", "Unit", 100m, [25m, 50m, 75m, 100m]);

    private static EntryView Entry(long id, EntryKind kind, decimal value, string? reason = null, long? corrects = null) =>
        new(id, 2, (int)id, kind, value, new DateOnly(2025, 5, (int)id), "Siti", new DateTimeOffset(2025, 5, (int)id, 3, 0, 0, TimeSpan.Zero),
            "Bobotsari", "diperiksa", reason, corrects, false);

    [Fact]
    public void Entries_ShowSignedValues_AndCorrectionsWithTheirReason()
    {
        var history = new IndicatorHistory(
            [Entry(2, EntryKind.Correction, -2m, "Dua koperasi tercatat ganda", corrects: 1), Entry(1, EntryKind.Increment, 7.5m)], [], [],
            new Dictionary<int, NarrativeView>());

        var list = Render<HistoryList>(p => p.Add(c => c.History, history).Add(c => c.Indicator, Count));

        var items = list.FindAll("[data-testid=history-entry]");
        Assert.Equal(2, items.Count);
        Assert.Contains("−2 Unit", items[0].TextContent);
        Assert.Contains("Koreksi", items[0].TextContent);
        Assert.Contains("Alasan koreksi: Dua koperasi tercatat ganda", items[0].TextContent);
        Assert.Contains("history-correction", items[0].ClassName);
        Assert.Contains("+7,5 Unit", items[1].TextContent);
        Assert.Contains("Penambahan", items[1].TextContent);
        Assert.Contains("Kec. Bobotsari", items[1].TextContent);
    }

    [Fact]
    public void NoEntries_SaysSo()
    {
        var list = Render<HistoryList>(p => p.Add(c => c.History, null).Add(c => c.Indicator, Count));

        Assert.Contains("Belum ada catatan", list.Find("[data-testid=history-empty]").TextContent);
    }
}
