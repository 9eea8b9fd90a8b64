using Dashboard.App.Data;
using Dashboard.App.Live;
using Dashboard.App.Plans;
using Dashboard.App.Realisations;
using Dashboard.App.Reviews;
using Dashboard.App.Security;
using Dashboard.Domain.Access;
using Dashboard.Domain.Plans;
using Dashboard.Domain.Realisations;
using Dashboard.Domain.Reviews;
using Dashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.App.Live;

/// <summary>The shared read model against a fresh load from the database (real app services, SQLite file, 15 Nov 2025).</summary>
public sealed class PlanReadModelTests : IAsyncLifetime
{
    private readonly AppFactory _app = new(today: "2025-11-15");
    private PlanReadModel _model = default!;

    public Task InitializeAsync()
    {
        _model = _app.Services.GetRequiredService<PlanReadModel>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly ActingUser Planner = ActingUser.Of("Rina", Roles.Planner);
    private static readonly ActingUser Admin = ActingUser.Of("Admin", Roles.Admin);

    [Theory]
    [InlineData(11)]
    [InlineData(2025)]
    public async Task AfterRandomEntriesCorrectionsReviewsLocksAndEdits_TheModelEqualsAFreshLoad(int seed)
    {
        var random = new Random(seed);
        var realisations = _app.Services.GetRequiredService<RealisationService>();
        var reviews = _app.Services.GetRequiredService<ReviewService>();
        var locks = _app.Services.GetRequiredService<QuarterLockService>();
        var editor = _app.Services.GetRequiredService<PlanEditService>();
        var codes = (await _model.GetAsync(2025))!.Index.Indicators.Select(i => i.Code).ToList();
        // A figure that turns an indicator red needs a faktor penghambat: one for every quarter up front.
        foreach (var code in codes.Take(20))
        {
            foreach (var q in Quarters.All) await realisations.SaveNarrativeAsync(2025, code, q, new NarrativeInput(null, "kendala lapangan", null, 0), Planner);
        }
        codes = codes.Take(20).ToList();
        var saved = 0;
        var reviewed = 0;
        var edited = 0;

        for (var step = 0; step < 300; step++)
        {
            var snapshot = (await _model.GetAsync(2025))!;
            var code = codes[random.Next(codes.Count)];
            var indicator = snapshot.Index.FindIndicator(code)!;
            var quarter = random.Next(1, 5);
            var date = Quarters.Start(2025, quarter).AddDays(random.Next(0, 20));
            var roll = random.Next(100);
            if (roll < 60)
            {
                var kind = indicator.Aggregation == Aggregation.Level ? EntryKind.Level : EntryKind.Increment;
                var value = kind == EntryKind.Level ? random.Next(0, 101) : random.Next(1, 20);
                var result = await realisations.RecordAsync(new RecordRealisation(2025, code, quarter, kind, value, date, Planner, Note: $"langkah {step}",
                    Confirmed: true));
                if (result.Status == SaveStatus.Saved) saved++;
            }
            else if (roll < 68 && indicator.Aggregation == Aggregation.Cumulative)
            {
                var result = await realisations.RecordAsync(new RecordRealisation(2025, code, quarter, EntryKind.Correction, -1m, date, Planner,
                    CorrectionReason: "salah ketik", Confirmed: true));
                if (result.Status == SaveStatus.Saved) saved++;
            }
            else if (roll < 85)
            {
                var review = snapshot.ReviewOf(code, quarter);
                var result = random.Next(2) == 0
                    ? await reviews.VerifyAsync(Planner, 2025, code, quarter, review.Version)
                    : await reviews.ReturnAsync(Planner, 2025, code, quarter, review.Version, "angka belum sesuai bukti");
                if (result.Status == SaveStatus.Saved && review.State != ReviewState.None) reviewed++;
            }
            else if (roll < 93)
            {
                // Mostly reopening, so that most quarters stay open for the entries.
                _ = random.Next(4) == 0
                    ? await locks.LockAsync(Planner, 2025, quarter, "rapat evaluasi")
                    : await locks.ReopenAsync(Planner, 2025, quarter, "perbaikan data");
            }
            else
            {
                var view = (await editor.LoadAsync(Admin, 2025))!;
                var target = indicator.AnnualTarget + random.Next(1, 10);
                var draft = new IndicatorDraft(indicator.Name, indicator.Unit, target.ToString(System.Globalization.CultureInfo.GetCultureInfo("id-ID")),
                    indicator.QuarterTargets.Select((t, i) => (i == 3 ? target : t)?.ToString(System.Globalization.CultureInfo.GetCultureInfo("id-ID"))).ToList(),
                    indicator.Polarity, indicator.Aggregation, indicator.Remark);
                if ((await editor.EditIndicatorAsync(Admin, 2025, code, view.VersionOf(code), draft)).Ok) edited++;
            }

            if (step % 25 == 24) await AssertSameAsFreshLoadAsync();
        }

        await AssertSameAsFreshLoadAsync();
        Assert.True(saved >= 100, $"only {saved} entries were saved: the sequence did not exercise the model");
        Assert.True(reviewed >= 10, $"only {reviewed} review steps");
        Assert.True(edited >= 5, $"only {edited} plan edits");
    }

    [Fact]
    public async Task ConcurrentSaves_OnOneIndicator_EachSeesThePreviousAsBefore_AndTheModelHasAll()
    {
        var realisations = _app.Services.GetRequiredService<RealisationService>();
        const string code = "T1.S1.P1.K1.SK1.I1"; // cumulative, Orang
        await realisations.SaveNarrativeAsync(2025, code, 4, new NarrativeInput(null, "kendala", null, 0), Planner);

        var results = await Task.WhenAll(Enumerable.Range(1, 30).Select(n => Task.Run(() =>
            realisations.RecordAsync(new RecordRealisation(2025, code, 4, EntryKind.Increment, 1m, new DateOnly(2025, 11, 10), Planner, Confirmed: true)))));

        Assert.All(results, r => Assert.Equal(SaveStatus.Saved, r.Status));
        // Before/After chain without gaps or repeats: each save saw every earlier one.
        var befores = results.Select(r => r.Change!.Before ?? 0m).Order().ToList();
        var baseline = befores[0];
        Assert.Equal(Enumerable.Range(0, 30).Select(i => baseline + i), befores);
        Assert.All(results, r => Assert.Equal((r.Change!.Before ?? 0m) + 1m, r.Change.After));
        await AssertSameAsFreshLoadAsync();
    }

    [Fact]
    public async Task APlanEdit_DropsThePicture_AndTheNextReadShowsTheNewTarget()
    {
        var before = (await _model.GetAsync(2025))!;
        var editor = _app.Services.GetRequiredService<PlanEditService>();
        var indicator = before.Index.Indicators[0];
        var view = (await editor.LoadAsync(Admin, 2025))!;
        var id = System.Globalization.CultureInfo.GetCultureInfo("id-ID");
        var draft = new IndicatorDraft(indicator.Name, indicator.Unit, "999", indicator.QuarterTargets.Select(t => t?.ToString(id)).ToList(),
            indicator.Polarity, indicator.Aggregation, indicator.Remark);

        Assert.True((await editor.EditIndicatorAsync(Admin, 2025, indicator.Code, view.VersionOf(indicator.Code), draft)).Ok);

        var after = (await _model.GetAsync(2025))!;
        Assert.NotSame(before, after);
        Assert.Equal(999m, after.Index.FindIndicator(indicator.Code)!.AnnualTarget);
    }

    [Fact]
    public async Task AnEntry_ReplacesOnlyItsIndicatorAndAncestors_EverythingElseIsShared()
    {
        var realisations = _app.Services.GetRequiredService<RealisationService>();
        const string code = "T1.S1.P1.K1.SK1.I1";
        var before = (await _model.GetAsync(2025))!;

        await realisations.SaveNarrativeAsync(2025, code, 4, new NarrativeInput(null, "kendala", null, 0), Planner);
        Assert.Equal(SaveStatus.Saved, (await realisations.RecordAsync(new RecordRealisation(2025, code, 4, EntryKind.Increment, 3m, new DateOnly(2025, 11, 10), Planner, Confirmed: true))).Status);

        var after = (await _model.GetAsync(2025))!;
        Assert.True(after.Version > before.Version);
        Assert.Same(before.Plan, after.Plan);
        var changed = after.Index.FindIndicator(code)!;
        var affected = changed.AffectedCodes().ToHashSet();
        foreach (var indicator in after.Index.Indicators)
        {
            if (indicator.Code == code) Assert.NotSame(before.Evaluation.For(indicator), after.Evaluation.For(indicator));
            else Assert.Same(before.Evaluation.For(indicator), after.Evaluation.For(indicator));
        }
        foreach (var node in after.Index.Nodes)
        {
            if (affected.Contains(node.Code)) Assert.NotSame(before.Evaluation.For(node), after.Evaluation.For(node));
            else Assert.Same(before.Evaluation.For(node), after.Evaluation.For(node));
        }
        Assert.Equal(1, after.Unverified(4) - before.Unverified(4));
    }

    private async Task AssertSameAsFreshLoadAsync()
    {
        var model = (await _model.GetAsync(2025))!;
        var fresh = (await _app.Plans.LoadAsync(2025))!;
        Assert.Equal(fresh.Index.Indicators.Select(i => (i.Code, i.AnnualTarget)), model.Index.Indicators.Select(i => (i.Code, i.AnnualTarget)));
        foreach (var indicator in fresh.Index.Indicators)
        {
            Assert.Equal(fresh.EntriesOf(indicator.Code).Select(e => (e.Id, e.Quarter, e.Date, e.Value, e.RecordedBy, e.Note)),
                model.EntriesOf(indicator.Code).Select(e => (e.Id, e.Quarter, e.Date, e.Value, e.RecordedBy, e.Note)));
            Assert.Equal(fresh.Evaluation.For(indicator), model.Evaluation.For(indicator));
        }
        foreach (var node in fresh.Index.Nodes) Assert.Equal(fresh.Evaluation.For(node), model.Evaluation.For(node));
        Assert.Equal(fresh.Reviews.OrderBy(r => r.Key).Select(r => (r.Key, r.Value.State, r.Value.Version)),
            model.Reviews.OrderBy(r => r.Key).Select(r => (r.Key, r.Value.State, r.Value.Version)));
        foreach (var q in Quarters.All)
        {
            Assert.Equal(fresh.Unverified(q), model.Unverified(q));
            Assert.Equal(fresh.Evaluation.Summary(q), model.Evaluation.Summary(q), new SummaryComparer());
        }
    }

    private sealed class SummaryComparer : IEqualityComparer<Dashboard.Domain.Status.QuarterSummary>
    {
        public bool Equals(Dashboard.Domain.Status.QuarterSummary? a, Dashboard.Domain.Status.QuarterSummary? b) =>
            a is not null && b is not null && a with { PerBand = b.PerBand } == b && a.PerBand.OrderBy(p => p.Key).SequenceEqual(b.PerBand.OrderBy(p => p.Key));

        public int GetHashCode(Dashboard.Domain.Status.QuarterSummary s) => s.Quarter;
    }
}
