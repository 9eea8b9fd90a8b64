using Dashboard.Domain.Status;

namespace Dashboard.Tests.Domain.Status;

public class BandsTests
{
    [Theory]
    [InlineData("0", Band.SangatRendah)]
    [InlineData("49.99", Band.SangatRendah)]
    [InlineData("50", Band.SangatRendah)]
    [InlineData("50.01", Band.Rendah)]
    [InlineData("65", Band.Rendah)]
    [InlineData("65.01", Band.Sedang)]
    [InlineData("75", Band.Sedang)]
    [InlineData("75.01", Band.Tinggi)]
    [InlineData("90", Band.Tinggi)]
    [InlineData("90.01", Band.SangatTinggi)]
    [InlineData("100", Band.SangatTinggi)]
    [InlineData("250", Band.SangatTinggi)]
    public void BandsOf_BoundaryValues_FollowPermendagri86(string capaian, Band expected)
    {
        Assert.Equal(expected, Bands.Of(decimal.Parse(capaian)));
    }

    [Fact]
    public void Capaian_AtExactly90_IsTinggi() => Assert.Equal(Band.Tinggi, Bands.Of(90m));

    [Fact]
    public void Capaian_At90_01_IsSangatTinggi() => Assert.Equal(Band.SangatTinggi, Bands.Of(90.01m));

    [Fact]
    public void Capaian_AtExactly50_IsSangatRendah() => Assert.Equal(Band.SangatRendah, Bands.Of(50m));

    [Theory]
    [InlineData(Band.SangatTinggi, TrafficLight.Green, "Sangat Tinggi")]
    [InlineData(Band.Tinggi, TrafficLight.Green, "Tinggi")]
    [InlineData(Band.Sedang, TrafficLight.Yellow, "Sedang")]
    [InlineData(Band.Rendah, TrafficLight.Yellow, "Rendah")]
    [InlineData(Band.SangatRendah, TrafficLight.Red, "Sangat Rendah")]
    public void Band_HasTrafficLightAndLabel(Band band, TrafficLight light, string label)
    {
        Assert.Equal(light, band.Light());
        Assert.Equal(label, band.Label());
    }

    [Theory]
    [InlineData(Band.SangatTinggi, "capaian > 90%")]
    [InlineData(Band.Tinggi, "75% < capaian ≤ 90%")]
    [InlineData(Band.Sedang, "65% < capaian ≤ 75%")]
    [InlineData(Band.Rendah, "50% < capaian ≤ 65%")]
    [InlineData(Band.SangatRendah, "capaian ≤ 50%")]
    public void Band_RangeText_MatchesBoundaries(Band band, string range)
    {
        Assert.Equal(range, band.Range());
    }

    [Theory]
    [InlineData(StatusKind.Evaluated, null, TrafficLight.None)]
    [InlineData(StatusKind.Evaluated, Band.Tinggi, TrafficLight.Green)]
    [InlineData(StatusKind.Evaluated, Band.Rendah, TrafficLight.Yellow)]
    [InlineData(StatusKind.Evaluated, Band.SangatRendah, TrafficLight.Red)]
    [InlineData(StatusKind.InProgress, Band.Sedang, TrafficLight.Yellow)]
    [InlineData(StatusKind.InProgress, null, TrafficLight.None)]
    [InlineData(StatusKind.Exceeded, null, TrafficLight.Green)]
    [InlineData(StatusKind.NoTarget, null, TrafficLight.None)]
    [InlineData(StatusKind.NotDue, null, TrafficLight.None)]
    [InlineData(StatusKind.NotReported, null, TrafficLight.None)]
    public void StatusTag_Light_FollowsBandOrState(StatusKind kind, Band? band, TrafficLight expected)
    {
        Assert.Equal(expected, new StatusTag(kind, band).Light);
    }

    [Theory]
    [InlineData(StatusKind.Evaluated, Band.SangatTinggi, "Sangat Tinggi")]
    [InlineData(StatusKind.Evaluated, Band.Rendah, "Rendah")]
    [InlineData(StatusKind.InProgress, Band.Tinggi, "Tinggi (berjalan)")]
    [InlineData(StatusKind.InProgress, null, "Berjalan, belum ada data")]
    [InlineData(StatusKind.NotDue, null, "Belum waktunya")]
    [InlineData(StatusKind.NoTarget, null, "Tanpa target")]
    [InlineData(StatusKind.Exceeded, null, "Melampaui target 0")]
    [InlineData(StatusKind.NotReported, null, "Belum dilaporkan")]
    public void StatusTag_Label_NamesStateAndBand(StatusKind kind, Band? band, string expected)
    {
        Assert.Equal(expected, new StatusTag(kind, band).Label);
    }
}
