using Dashboard.Domain.Realisations;

namespace Dashboard.Tests.Domain.Realisations;

public class KecamatanTests
{
    [Fact]
    public void All_AreThe18KecamatanOfPurbalingga_InTheOrderOfTheDomainDocument()
    {
        Assert.Equal(
            ["Kemangkon", "Bukateja", "Kejobong", "Pengadegan", "Kaligondang", "Purbalingga", "Kalimanah", "Padamara", "Kutasari",
             "Bojongsari", "Mrebet", "Bobotsari", "Karangreja", "Karangjambu", "Karanganyar", "Kertanegara", "Karangmoncol", "Rembang"],
            Kecamatan.All);
    }

    [Theory]
    [InlineData("bobotsari", "Bobotsari")]
    [InlineData("KARANGMONCOL", "Karangmoncol")]
    [InlineData("  kutasari\t", "Kutasari")]
    [InlineData("Kec. Mrebet", "Mrebet")]
    [InlineData("kec.mrebet", "Mrebet")]
    [InlineData("Kec Rembang", "Rembang")]
    [InlineData("Kecamatan  Padamara", "Padamara")]
    [InlineData("purbalingga", "Purbalingga")]
    public void TryNormalize_KnownName_ReturnsCanonicalSpelling(string input, string expected)
    {
        Assert.True(Kecamatan.TryNormalize(input, out var canonical));
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("Cilacap")]
    [InlineData("Karang")]
    [InlineData("Kecamatan")]
    [InlineData("Kab. Purbalingga")]
    [InlineData("Bobotsari Timur")]
    public void TryNormalize_UnknownName_IsFalse(string? input)
    {
        Assert.False(Kecamatan.TryNormalize(input, out var canonical));
        Assert.Null(canonical);
    }
}
