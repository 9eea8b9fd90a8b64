using Bunit;
using Dashboard.App.Components.Pages.PlanEditor;
using Dashboard.App.Plans;
using Dashboard.Domain.Numbers;
using Dashboard.Domain.Plans;
using Dashboard.Tests.TestSupport;

namespace Dashboard.Tests.Components.PlanEditor;

public sealed class IndicatorFormTests : BunitTestContext
{
    private static readonly Indicator Kompetensi = new("T1.S1.P1.I1", "Persentase SDM koperasi yang kompeten", "Persentase", 62m, [0m, 15m, 45m, 62m]);

    private IRenderedComponent<IndicatorForm> Form(IndicatorDraft? initial = null, Action<IndicatorDraft>? onSave = null, PlanEditResult? result = null) =>
        Render<IndicatorForm>(p => p
            .Add(c => c.Initial, initial ?? IndicatorDraft.From(Kompetensi))
            .Add(c => c.Result, result)
            .Add(c => c.OnSave, d => onSave?.Invoke(d)));

    private static string Field(IRenderedComponent<IndicatorForm> form, string field) => form.Find($"[data-testid=field-{field}]").TextContent;

    private static int ErrorCount(IRenderedComponent<IndicatorForm> form) => form.FindAll(".mud-input-helper-text.mud-input-error").Count;

    [Fact]
    public void StartingValues_AreShownInIndonesianFormat_WithoutMessages()
    {
        var form = Form(IndicatorDraft.From(new Indicator("X.I1", "Nilai", "Angka", 73.33m, [0m, 0m, 73.25m, 1234.5m])));

        Assert.Equal("73,33", form.Find("#indicator-annual").GetAttribute("value"));
        Assert.Equal("1.234,5", form.Find("#indicator-tw4").GetAttribute("value"));
        Assert.Equal(0, ErrorCount(form));
    }

    [Fact]
    public void TypingAnAmbiguousNumber_ShowsTheMessageNextToThatField_Only()
    {
        var form = Form();

        form.Find("#indicator-tw2").Input("4.25");

        Assert.Contains(IdNumber.Ambiguous, Field(form, "Tw2"));
        Assert.DoesNotContain(IdNumber.Ambiguous, Field(form, "Tw1"));
        Assert.DoesNotContain(IdNumber.Ambiguous, Field(form, "AnnualTarget"));
        Assert.Equal(1, ErrorCount(form));
        Assert.Single(form.FindAll("[data-testid=field-Tw2] .mud-input-helper-text.mud-input-error"));
    }

    [Fact]
    public void NegativeTarget_AndNonsense_AreRefusedNextToTheirFields_AndGoAwayWhenCorrected()
    {
        var form = Form();

        form.Find("#indicator-tw3").Input("-5");
        form.Find("#indicator-annual").Input("enam puluh");

        Assert.Contains(IndicatorDraft.NegativeTarget, Field(form, "Tw3"));
        Assert.Contains(IdNumber.NotANumber, Field(form, "AnnualTarget"));

        form.Find("#indicator-tw3").Input("45,5");

        Assert.DoesNotContain(IndicatorDraft.NegativeTarget, Field(form, "Tw3"));
        Assert.Contains(IdNumber.NotANumber, Field(form, "AnnualTarget"));
    }

    [Fact]
    public void ClearingNameAndUnit_SaysBothAreRequired()
    {
        var form = Form();

        form.Find("#indicator-name").Input("");
        form.Find("#indicator-unit").Input(" ");

        Assert.Contains(IndicatorDraft.NameRequired, Field(form, "Name"));
        Assert.Contains(IndicatorDraft.UnitRequired, Field(form, "Unit"));
    }

    [Fact]
    public void Save_WithErrors_ShowsEveryMessage_AndDoesNotSave()
    {
        IndicatorDraft? saved = null;
        var form = Form(IndicatorDraft.Empty with { AnnualTarget = "" }, d => saved = d);

        form.Find("[data-testid=indicator-save]").Click();

        Assert.Null(saved);
        Assert.Contains(IndicatorDraft.NameRequired, Field(form, "Name"));
        Assert.Contains(IndicatorDraft.UnitRequired, Field(form, "Unit"));
        Assert.Contains(IdNumber.Required, Field(form, "AnnualTarget"));
        Assert.Contains("Periksa isian", form.Find("[data-testid=form-invalid]").TextContent);
    }

    [Fact]
    public void Save_WithValidValues_HandsOverTheDraftAsTyped()
    {
        IndicatorDraft? saved = null;
        var form = Form(onSave: d => saved = d);

        form.Find("#indicator-tw2").Input("17,5");
        form.Find("[data-testid=indicator-save]").Click();

        Assert.NotNull(saved);
        Assert.Equal("17,5", saved.QuarterTargets[1]);
        Assert.Equal(17.5m, saved.Check().QuarterTargets[1]);
        Assert.Equal(0, ErrorCount(form));
    }

    [Fact]
    public void ServerRefusals_AppearNextToTheirField_UntilTheFieldIsChanged()
    {
        var result = PlanEditResult.Invalid([new FieldError(PlanFields.Unit, "Satuan ini ditolak server.")]);
        var form = Form(result: result);

        Assert.Contains("Satuan ini ditolak server.", Field(form, "Unit"));
        Assert.DoesNotContain("ditolak server", Field(form, "Name"));

        form.Find("#indicator-unit").Input("Persen");

        Assert.DoesNotContain("ditolak server", Field(form, "Unit"));
    }

    [Fact]
    public void ThousandsThatLookLikeADecimal_AreAcceptedWithAHint()
    {
        var form = Form();

        // 1.000 (not more: this indicator is a percentage, bounded at 1.000 by ValueBounds).
        form.Find("#indicator-annual").Input("1.000");

        Assert.Contains("Dibaca sebagai 1.000", Field(form, "AnnualTarget"));
        Assert.Equal(0, ErrorCount(form));
    }
}
