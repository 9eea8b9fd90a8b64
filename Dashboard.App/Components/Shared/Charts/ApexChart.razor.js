// Creates, updates and destroys one ApexCharts chart for ApexChart.razor. ApexCharts itself is loaded once by App.razor.
// Options arrive as JSON; what JSON cannot carry (number formatters) is added here from options.numberFormat.

const id = {
    name: "id",
    options: {
        months: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
        shortMonths: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
        days: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
        shortDays: ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
        toolbar: {
            exportToSVG: "Unduh SVG",
            exportToPNG: "Unduh PNG",
            exportToCSV: "Unduh CSV",
            menu: "Menu",
            selection: "Pilihan",
            selectionZoom: "Perbesar pilihan",
            zoomIn: "Perbesar",
            zoomOut: "Perkecil",
            pan: "Geser",
            reset: "Atur ulang zoom",
        },
    },
};

// ApexCharts fills a locale's missing texts from its built-in English, so "en" needs no texts of its own. It must be
// listed because a global locales list replaces the built-in one.
const en = { name: "en", options: {} };

function registerLocales() {
    const apex = (window.Apex = window.Apex || {});
    apex.chart = apex.chart || {};
    const locales = apex.chart.locales || [];
    if (!locales.some(l => l.name === "id")) {
        apex.chart.locales = [...locales, id, ...(locales.some(l => l.name === "en") ? [] : [en])];
    }
    apex.chart.defaultLocale = apex.chart.defaultLocale || "id";
}

function formatter(format) {
    const numbers = new Intl.NumberFormat(format.locale || "id-ID", { maximumFractionDigits: format.decimals ?? 2 });
    const suffix = format.suffix || "";
    return value => value === null || value === undefined || Number.isNaN(value) ? "–" : numbers.format(value) + suffix;
}

// Turns the JSON options into ApexCharts options: number formatters, and no animation for people who asked for less motion.
function prepare(options) {
    const { numberFormat, ...config } = options;
    const circular = ["donut", "pie"].includes(config.chart?.type);
    if (numberFormat) {
        const format = formatter(numberFormat);
        config.tooltip = { ...config.tooltip, y: { ...config.tooltip?.y, formatter: format } };
        if (circular) {
            const percent = formatter({ locale: numberFormat.locale, decimals: 1, suffix: "%" });
            config.dataLabels = { ...config.dataLabels, formatter: percent };
        } else {
            // A missing point gets no label on the chart (the tooltip and the data table still say "–").
            config.dataLabels = { ...config.dataLabels, formatter: value => value === null || value === undefined ? "" : format(value) };
            const withLabels = axis => ({ ...axis, labels: { ...axis?.labels, formatter: format } });
            config.yaxis = Array.isArray(config.yaxis) ? config.yaxis.map(withLabels) : withLabels(config.yaxis);
        }
    }
    if (window.matchMedia?.("(prefers-reduced-motion: reduce)").matches) {
        config.chart = { ...config.chart, animations: { ...config.chart?.animations, enabled: false } };
    }
    return config;
}

/** Draws a chart into the element; returns the handle that update and destroy take. */
export async function create(element, options) {
    if (typeof window.ApexCharts === "undefined") {
        throw new Error("ApexCharts is not loaded (lib/apexcharts/apexcharts.min.js)");
    }
    registerLocales();
    const chart = new window.ApexCharts(element, prepare(options));
    const handle = { chart };
    await chart.render();
    return handle;
}

/** Applies new options and/or series (either may be null) to the existing chart. */
export async function update(handle, series, options) {
    if (!handle?.chart) return;
    if (options) await handle.chart.updateOptions(prepare(options), false, true);
    if (series) await handle.chart.updateSeries(series, true);
}

export function destroy(handle) {
    if (!handle?.chart) return;
    handle.chart.destroy();
    handle.chart = null;
}
