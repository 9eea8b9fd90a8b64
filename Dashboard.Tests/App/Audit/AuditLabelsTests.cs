using Dashboard.App.Audit;

namespace Dashboard.Tests.App.Audit;

public sealed class AuditLabelsTests
{
    [Fact]
    public void EveryAuditAction_HasItsOwnIndonesianLabel()
    {
        Assert.All(AuditActions.All, action => Assert.True(AuditLabels.HasLabel(action), $"Tindakan '{action}' belum berlabel."));
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Select(AuditLabels.Action).Distinct().Count());
    }

    [Fact]
    public void UnknownAction_IsShownAsStored() => Assert.Equal("tindakan.baru", AuditLabels.Action("tindakan.baru"));

    [Theory]
    [InlineData(AuditActions.SignIn, "Masuk")]
    [InlineData(AuditActions.RealisationCorrected, "Realisasi dikoreksi")]
    [InlineData(AuditActions.TokenRevoked, "Token API dicabut")]
    public void Action_HasTheIndonesianLabel(string action, string label) => Assert.Equal(label, AuditLabels.Action(action));

    [Theory]
    [InlineData("User", "Pengguna")]
    [InlineData("ApiToken", "Token API")]
    [InlineData("Narasi", "Narasi")]
    public void Entity_EnglishNamesAreShownInIndonesian(string entity, string label) => Assert.Equal(label, AuditLabels.Entity(entity));
}
