using Dashboard.Domain.Status;

namespace Dashboard.Tests.Domain.Status;

public class StatusTagWorstTests
{
    private static readonly StatusTag SangatRendah = new(StatusKind.Evaluated, Band.SangatRendah);
    private static readonly StatusTag Rendah = new(StatusKind.Evaluated, Band.Rendah);
    private static readonly StatusTag Sedang = new(StatusKind.Evaluated, Band.Sedang);
    private static readonly StatusTag Tinggi = new(StatusKind.Evaluated, Band.Tinggi);
    private static readonly StatusTag SangatTinggi = new(StatusKind.Evaluated, Band.SangatTinggi);
    private static readonly StatusTag NotReported = new(StatusKind.NotReported, null);
    private static readonly StatusTag NoData = new(StatusKind.InProgress, null);
    private static readonly StatusTag Exceeded = new(StatusKind.Exceeded, null);
    private static readonly StatusTag NoTarget = new(StatusKind.NoTarget, null);
    private static readonly StatusTag NotDue = new(StatusKind.NotDue, null);

    [Fact]
    public void Worst_Empty_IsNoTarget()
    {
        Assert.Equal(NoTarget, StatusTag.Worst([]));
    }

    [Fact]
    public void Worst_SangatRendahBeatsNotReported()
    {
        Assert.Equal(SangatRendah, StatusTag.Worst([NotReported, SangatTinggi, SangatRendah, Rendah]));
    }

    [Fact]
    public void Worst_NotReportedBeatsRendah()
    {
        Assert.Equal(NotReported, StatusTag.Worst([Rendah, NotReported, Sedang]));
    }

    [Fact]
    public void Worst_InProgressSangatRendah_IsRedToo()
    {
        var worst = StatusTag.Worst([NotReported, new StatusTag(StatusKind.InProgress, Band.SangatRendah)]);
        Assert.Equal(new StatusTag(StatusKind.InProgress, Band.SangatRendah), worst);
        Assert.Equal(TrafficLight.Red, worst.Light);
    }

    [Fact]
    public void Worst_InProgressWithoutDataBeatsTinggiButNotSedang()
    {
        Assert.Equal(NoData, StatusTag.Worst([Tinggi, NoData, SangatTinggi]));
        Assert.Equal(Sedang, StatusTag.Worst([Tinggi, NoData, Sedang]));
    }

    [Fact]
    public void Worst_OrderOfSeverity_IsFixed()
    {
        StatusTag[] fromWorst = [SangatRendah, NotReported, Rendah, Sedang, NoData, Tinggi, SangatTinggi, Exceeded, NoTarget, NotDue];
        var severities = fromWorst.Select(t => t.Severity).ToArray();
        Assert.Equal([100, 90, 70, 60, 40, 30, 20, 15, 5, 0], severities);
    }

    [Fact]
    public void Worst_AllNotDue_IsNotDue()
    {
        Assert.Equal(NotDue, StatusTag.Worst([NotDue, NotDue]));
    }

    [Fact]
    public void Worst_ExceededBeatsNoTargetAndNotDue()
    {
        Assert.Equal(Exceeded, StatusTag.Worst([NotDue, Exceeded, NoTarget]));
    }
}
