using System.Globalization;
using Dashboard.App.Audit;

namespace Dashboard.Tests.App.Audit;

public sealed class AuditDiffTests
{
    private static readonly CultureInfo Id = new("id-ID");

    private static IReadOnlyList<AuditChange> Changes(string? before, string? after) => AuditDiff.Changes(before, after, Id);

    [Fact]
    public void ChangedProperties_AreListed_UnchangedOnesLeftOut()
    {
        var changes = Changes("""{"Version":1,"Pendorong":"lama","Penghambat":"sama"}""", """{"Version":2,"Pendorong":"baru","Penghambat":"sama"}""");

        Assert.Equal([new AuditChange("Version", "1", "2"), new AuditChange("Pendorong", "lama", "baru")], changes);
    }

    [Fact]
    public void Creation_ListsEveryPropertyOfTheNewState_WithNothingBefore()
    {
        var changes = Changes(null, """{"UserName":"sri","Roles":["Petugas","Admin"]}""");

        Assert.Equal([new AuditChange("UserName", null, "sri"), new AuditChange("Roles", null, "Petugas, Admin")], changes);
    }

    [Fact]
    public void AddedAndRemovedProperties_ShowAsAbsentOnOneSide()
    {
        var changes = Changes("""{"a":1,"gone":true}""", """{"a":1,"new":null}""");

        Assert.Equal([new AuditChange("gone", "ya", null), new AuditChange("new", null, AuditDiff.NullText)], changes);
    }

    [Fact]
    public void Numbers_AreShownInTheReadersCulture_WithoutGrouping()
    {
        var changes = Changes("""{"Realisasi":10,"Tahun":2024}""", """{"Realisasi":14.5,"Tahun":2025}""");

        Assert.Equal([new AuditChange("Realisasi", "10", "14,5"), new AuditChange("Tahun", "2024", "2025")], changes);
    }

    [Fact]
    public void NestedObjects_CompareByValue_AndShowAsJson()
    {
        Assert.Empty(Changes("""{"x":{"a":1,"b":[1,2]}}""", """{"x":{"a":1,"b":[1,2]}}"""));
        Assert.Equal([new AuditChange("x", """{"a":1}""", """{"a":2}""")], Changes("""{"x":{"a":1}}""", """{"x":{"a":2}}"""));
    }

    [Fact]
    public void NotObjectsOrNotJson_ComeBackAsOneWholeChange()
    {
        Assert.Equal([new AuditChange("", "teks lama", "3")], Changes("teks lama", "3"));
        Assert.Equal([new AuditChange("", "1, 2", null)], Changes("[1,2]", null));
        Assert.Equal([new AuditChange("", "{\"a\":", null)], Changes("{\"a\":", null));
        Assert.Empty(Changes(null, " "));
    }
}
