// Mirrors Blazor's reconnect states into the app bar indicator and reports a successful reconnect to .NET.
let handler = null;

const labels = {
    connected: "Terhubung",
    reconnecting: "Menyambung ulang…",
    disconnected: "Terputus",
};

function show(state) {
    const el = document.getElementById("live-status");
    if (!el) return;
    el.dataset.state = state;
    el.querySelector(".live-text").textContent = labels[state];
}

export function watch(dotnet) {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal || handler) return;
    let wasDown = false;
    handler = async event => {
        const state = event.detail.state;
        if (state === "show" || state === "retrying") {
            wasDown = true;
            show("reconnecting");
        } else if (state === "failed" || state === "rejected" || state === "paused" || state === "resume-failed") {
            wasDown = true;
            show("disconnected");
        } else if (state === "hide") {
            show("connected");
            if (wasDown) {
                wasDown = false;
                try { await dotnet.invokeMethodAsync("OnReconnected"); } catch { /* the page reloads anyway */ }
            }
        }
    };
    modal.addEventListener("components-reconnect-state-changed", handler);
}

export function unwatch() {
    const modal = document.getElementById("components-reconnect-modal");
    if (modal && handler) modal.removeEventListener("components-reconnect-state-changed", handler);
    handler = null;
}
