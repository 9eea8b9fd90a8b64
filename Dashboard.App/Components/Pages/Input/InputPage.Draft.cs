using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.App.Components.Pages.Input;

/// <summary>
/// A half-typed entry is never silently lost: after every render the form's text goes to the browser's localStorage
/// (per user, year, indicator and quarter); when the page comes back (reload, server restart, lost circuit) it is put back
/// and the officer is told to save it. A successful save forgets it.
/// </summary>
public partial class InputPage
{
    [Inject] private IJSRuntime JS { get; set; } = default!;

    private bool _draftPending;
    /// <summary>Between a successful save and the reload after it: renders in that gap must not store the saved text again.</summary>
    private bool _draftSaved;
    private bool _draftRestored;
    /// <summary>The indicator's figures are being read: the form is not complete yet (see ReloadCurrentAsync).</summary>
    private bool _loadingCurrent;
    private string? _draftKey;
    private string? _draftStored;

    private sealed record KeptDraft(string? Value, string? Note, string? Kecamatan, string? Reason, string? Drivers, string? Obstacles, string? FollowUp);

    private string? DraftKey => _indicator is null || _snapshot is null ? null : $"renaksi-draf:{_actor.UserName}:{_snapshot.Plan.Year}:{_indicator.Code}:TW{_quarter}";

    private KeptDraft Current() => new(_valueText, _note, _kecamatan, _reason, _drivers, _obstacles, _followUp);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var key = DraftKey;
        if (key is null || _draftSaved || _loadingCurrent) return;
        try
        {
            if (_draftPending || key != _draftKey)
            {
                _draftPending = false;
                _draftKey = key;
                _draftStored = null;
                var json = await JS.InvokeAsync<string?>("localStorage.getItem", key);
                if (json is not null && JsonSerializer.Deserialize<KeptDraft>(json) is { } draft && HasTyping(draft) && draft != Current())
                {
                    Restore(draft);
                    _draftStored = json;
                    _draftRestored = true;
                    StateHasChanged();
                }
                return;
            }
            var now = JsonSerializer.Serialize(Current());
            if (now == _draftStored) return;
            _draftStored = now;
            if (HasTyping(Current())) await JS.InvokeVoidAsync("localStorage.setItem", key, now);
            else await JS.InvokeVoidAsync("localStorage.removeItem", key);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; what was stored before stays in the browser.
        }
    }

    /// <summary>Only typing counts: the narratives loaded from the database are not a draft by themselves.</summary>
    private bool HasTyping(KeptDraft draft) =>
        !string.IsNullOrWhiteSpace(draft.Value) || !string.IsNullOrWhiteSpace(draft.Note) || !string.IsNullOrWhiteSpace(draft.Reason)
        || draft.Drivers != _loadedNarrative.Drivers || draft.Obstacles != _loadedNarrative.Obstacles || draft.FollowUp != _loadedNarrative.FollowUp;

    private (string? Drivers, string? Obstacles, string? FollowUp) _loadedNarrative;

    private void Restore(KeptDraft draft)
    {
        if (draft.Value is not null) ValueTextChanged(draft.Value);
        (_note, _kecamatan, _reason, _drivers, _obstacles, _followUp) = (draft.Note, draft.Kecamatan, draft.Reason, draft.Drivers, draft.Obstacles, draft.FollowUp);
    }

    /// <summary>Called after each load from the database: look for a draft again at the next render.</summary>
    private void DraftLoaded()
    {
        _loadedNarrative = (_drivers, _obstacles, _followUp);
        _draftSaved = false;
        _draftPending = true;
        _draftRestored = false;
    }

    private async Task ForgetDraftAsync()
    {
        _draftRestored = false;
        if (DraftKey is not { } key) return;
        _draftSaved = true;
        _draftStored = null;
        try
        {
            await JS.InvokeVoidAsync("localStorage.removeItem", key);
        }
        catch (JSDisconnectedException) { }
        catch (InvalidOperationException) { } // prerendering: nothing stored yet
    }
}
