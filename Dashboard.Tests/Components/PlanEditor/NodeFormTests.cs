using Bunit;
using Dashboard.App.Components.Pages.PlanEditor;
using Dashboard.Domain.Plans;
using Dashboard.Tests.TestSupport;

namespace Dashboard.Tests.Components.PlanEditor;

public sealed class NodeFormTests : BunitTestContext
{
    [Fact]
    public void ClearingTheTitle_SaysItIsRequired_NextToTheTitle_AndDoesNotSave()
    {
        NodeDraft? saved = null;
        var form = Render<NodeForm>(p => p
            .Add(c => c.Initial, new NodeDraft("Program 1", "Pendidikan dan latihan Perkoperasian"))
            .Add(c => c.Level, NodeLevel.Program)
            .Add(c => c.OnSave, d => saved = d));

        form.Find("#node-title").Input("  ");
        form.Find("[data-testid=node-save]").Click();

        Assert.Contains(NodeDraft.TitleRequired, form.Find("[data-testid=field-Title]").TextContent);
        Assert.DoesNotContain(NodeDraft.TitleRequired, form.Find("[data-testid=field-Label]").TextContent);
        Assert.Null(saved);
    }

    [Fact]
    public void ValidTitle_IsSaved_AsTyped()
    {
        NodeDraft? saved = null;
        var form = Render<NodeForm>(p => p
            .Add(c => c.Initial, new NodeDraft(null, null))
            .Add(c => c.Level, NodeLevel.Sasaran)
            .Add(c => c.OnSave, d => saved = d));

        form.Find("#node-title").Input("Meningkatnya koperasi sehat");
        form.Find("[data-testid=node-save]").Click();

        Assert.Equal(new NodeDraft(null, "Meningkatnya koperasi sehat"), saved);
        Assert.Contains("Sasaran 2", form.Find("[data-testid=field-Label]").TextContent);
    }
}
