// Opens the browser's print dialog (print or "Save as PDF"); the page's print CSS lays the report out on A4 landscape.
export function print() {
    window.print();
}
