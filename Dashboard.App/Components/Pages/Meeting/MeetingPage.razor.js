// Full screen and keyboard focus for the meeting deck (presentation clickers send PageUp/PageDown to the focused element).
export function focus(element) {
    element?.focus({ preventScroll: true });
}

export async function toggleFullscreen(element) {
    if (document.fullscreenElement) {
        await document.exitFullscreen();
    } else {
        await document.documentElement.requestFullscreen?.();
    }
    element?.focus({ preventScroll: true });
    return !!document.fullscreenElement;
}
