using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Dashboard.App.Reports;
using Dashboard.Domain.Access;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Tests.App.Reports;

/// <summary>GET /laporan/evaluasi.xlsx through the real pipeline, opened again with ClosedXML.</summary>
[Collection(ReportAppCollection.Name)]
public sealed class EvaluationWorkbookEndpointTests(ReportApp app)
{
    private const string Url = "/laporan/evaluasi.xlsx?tahun=2025&tw=3";

    private async Task<XLWorkbook> DownloadAsync(string role = Roles.Head)
    {
        using var http = app.App.ClientWithToken(app.Tokens[role]);
        var response = await http.GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private static int RowOf(IXLWorksheet sheet, int column, string text) =>
        sheet.Column(column).CellsUsed().Single(c => c.GetString() == text).Address.RowNumber;

    private static IEnumerable<string> Merged(IXLWorksheet sheet) => sheet.MergedRanges.Select(r => r.RangeAddress.ToStringRelative());

    [Fact]
    public async Task Download_IsAnXlsxNamedAfterYearAndQuarter_WithBothSheets()
    {
        using var http = app.App.ClientWithToken(app.Tokens[Roles.Head]);

        var response = await http.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EvaluationWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Evaluasi-Renaksi-2025-TW3.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var book = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal(["Evaluasi E.81", "Monitoring Renaksi"], book.Worksheets.Select(w => w.Name));
    }

    [Fact]
    public async Task E81Sheet_HasTheFormsMergedMultiRowHeader()
    {
        using var book = await DownloadAsync();
        var sheet = book.Worksheet(EvaluationWorkbook.EvaluationSheet);

        var merged = Merged(sheet).ToHashSet();
        Assert.Contains("A1:T1", merged);
        Assert.Contains("A6:A8", merged);
        Assert.Contains("F6:J6", merged);
        Assert.Contains("G7:J7", merged);
        Assert.Contains("K6:N6", merged);
        Assert.Contains("K7:K8", merged);
        Assert.Contains("O6:P6", merged);
        Assert.Contains("Q6:Q8", merged);
        Assert.Equal("EVALUASI TERHADAP HASIL RENCANA AKSI (RENAKSI) PERANGKAT DAERAH", sheet.Cell("A1").GetString());
        Assert.Equal("TRIWULAN III TAHUN 2025", sheet.Cell("A3").GetString());
        Assert.Equal("Target kinerja", sheet.Cell("F6").GetString());
        Assert.Equal("Realisasi kinerja pada triwulan", sheet.Cell("K6").GetString());
        Assert.Equal("Capaian (%)", sheet.Cell("O6").GetString());
        Assert.Equal("Predikat", sheet.Cell("Q6").GetString());
        Assert.Equal(["I", "II", "III", "IV"], new[] { "G8", "H8", "I8", "J8" }.Select(a => sheet.Cell(a).GetString()));
        Assert.Equal(["Faktor pendorong", "Faktor penghambat", "Tindak lanjut"], new[] { "R6", "S6", "T6" }.Select(a => sheet.Cell(a).GetString()));
    }

    [Fact]
    public async Task Figures_AreNumericCells_WithNumberFormats()
    {
        using var book = await DownloadAsync();
        var sheet = book.Worksheet(EvaluationWorkbook.EvaluationSheet);
        var r = RowOf(sheet, 2, ReportApp.Sdm);

        var annual = sheet.Cell(r, 6);
        Assert.Equal(XLDataType.Number, annual.DataType);
        Assert.Equal(145d, annual.GetDouble());
        Assert.Equal("#,##0", annual.Style.NumberFormat.Format);
        var realisation = sheet.Cell(r, 13);
        Assert.Equal(XLDataType.Number, realisation.DataType);
        Assert.Equal(110d, realisation.GetDouble());
        Assert.True(sheet.Cell(r, 14).IsEmpty(), "TW IV realisation stays empty in a TW III report");
        var capaian = sheet.Cell(r, 15);
        Assert.Equal(XLDataType.Number, capaian.DataType);
        Assert.Equal(104.76d, capaian.GetDouble(), 10);
        Assert.Equal("0.00", capaian.Style.NumberFormat.Format);
        Assert.Equal(75.86d, sheet.Cell(r, 16).GetDouble(), 10);
        Assert.Equal("Sangat Tinggi", sheet.Cell(r, 17).GetString());

        // A decimal target keeps its decimal: Persentase koperasi Kategori sangat berkualitas, 7,1.
        var decimalTarget = sheet.Cell(RowOf(sheet, 2, "T1.I1"), 6);
        Assert.Equal(7.1d, decimalTarget.GetDouble(), 10);
        Assert.Equal("#,##0.0", decimalTarget.Style.NumberFormat.Format);

        // The node's rata-rata capaian and the plan's, as numbers.
        var node = RowOf(sheet, 2, "T1.S1");
        Assert.Equal(81.59d, sheet.Cell(node, 15).GetDouble(), 10);
        Assert.Equal("Tinggi", sheet.Cell(node, 17).GetString());
        var total = RowOf(sheet, 1, "Rata-rata capaian kinerja (%)");
        Assert.Equal(XLDataType.Number, sheet.Cell(total, 15).DataType);
        Assert.Equal(81.59d, sheet.Cell(total, 15).GetDouble(), 10);
        Assert.Equal("Tinggi", sheet.Cell(total + 1, 15).GetString());
    }

    [Fact]
    public async Task Narratives_AreWrappedTextCells()
    {
        using var book = await DownloadAsync();
        var sheet = book.Worksheet(EvaluationWorkbook.EvaluationSheet);
        var r = RowOf(sheet, 2, ReportApp.Volume);

        var obstacles = sheet.Cell(r, 19);
        Assert.Equal(XLDataType.Text, obstacles.DataType);
        Assert.Equal(ReportApp.VolumeObstacles, obstacles.GetString());
        Assert.True(obstacles.Style.Alignment.WrapText);
        Assert.Contains(ReportApp.Decision, sheet.Cell(r, 20).GetString());
        Assert.Equal(ReportApp.SehatDrivers, sheet.Cell(RowOf(sheet, 2, ReportApp.Sehat), 18).GetString());
    }

    [Fact]
    public async Task BothSheets_FreezeTheHeader_AndPrintOnA4Landscape_FitToWidth_RepeatingTheHeader()
    {
        using var book = await DownloadAsync();

        var e81 = book.Worksheet(EvaluationWorkbook.EvaluationSheet);
        Assert.Equal(9, e81.SheetView.SplitRow);
        Assert.Equal(XLPageOrientation.Landscape, e81.PageSetup.PageOrientation);
        Assert.Equal(XLPaperSize.A4Paper, e81.PageSetup.PaperSize);
        Assert.Equal(1, e81.PageSetup.PagesWide);
        Assert.Equal(0, e81.PageSetup.PagesTall);
        Assert.Equal((6, 9), (e81.PageSetup.FirstRowToRepeatAtTop, e81.PageSetup.LastRowToRepeatAtTop));

        var monitoring = book.Worksheet(EvaluationWorkbook.MonitoringSheet);
        Assert.Equal(6, monitoring.SheetView.SplitRow);
        Assert.Equal(XLPageOrientation.Landscape, monitoring.PageSetup.PageOrientation);
        Assert.Equal(XLPaperSize.A4Paper, monitoring.PageSetup.PaperSize);
        Assert.Equal((5, 6), (monitoring.PageSetup.FirstRowToRepeatAtTop, monitoring.PageSetup.LastRowToRepeatAtTop));
        Assert.True(e81.Column(4).Width > 20, "widths are set explicitly");
    }

    [Fact]
    public async Task SignatureBlocks_HaveTitlesAndBlankNameAndNip_WithoutAnyNipNumber()
    {
        using var book = await DownloadAsync();
        var sheet = book.Worksheet(EvaluationWorkbook.EvaluationSheet);
        var texts = sheet.CellsUsed().Select(c => c.GetString()).ToList();

        Assert.Contains("Purbalingga, 15 November 2025", texts);
        Assert.Contains("Kepala Dinas Koperasi dan UKM Kabupaten Purbalingga", texts);
        Assert.Contains("Mengetahui,", texts);
        Assert.Contains("Kepala Bappeda Kabupaten Purbalingga", texts);
        Assert.Equal(2, texts.Count(t => t == "(………………………)"));
        Assert.Equal(2, texts.Count(t => t == "NIP."));
        Assert.DoesNotContain(texts, t => Regex.IsMatch(t, @"NIP\.?\s*\d") || Regex.IsMatch(t, @"\d{8}\s?\d{6}\s?\d\s?\d{3}"));
        // Mengetahui on the left, the signer on the right, on the same line.
        var left = sheet.CellsUsed().Single(c => c.GetString() == "Mengetahui,");
        var right = sheet.CellsUsed().Single(c => c.GetString() == "Purbalingga, 15 November 2025");
        Assert.Equal(left.Address.RowNumber, right.Address.RowNumber);
        Assert.True(left.Address.ColumnNumber < right.Address.ColumnNumber);
    }

    [Fact]
    public async Task MonitoringSheet_HasOneRowPerIndicator_WithTheNodeBesideIt()
    {
        using var book = await DownloadAsync(Roles.Planner);
        var sheet = book.Worksheet(EvaluationWorkbook.MonitoringSheet);

        Assert.Equal(["No", "Uraian", "Indikator", "Satuan", "Target tahunan", "Target TW (kumulatif)"],
            Enumerable.Range(1, 6).Select(c => sheet.Cell(5, c).GetString()));
        Assert.Equal(["Realisasi TW", "Capaian TW III (%)", "Capaian tahunan (%)", "Status", "Keterangan"],
            new[] { 10, 14, 15, 16, 17 }.Select(c => sheet.Cell(5, c).GetString()));
        Assert.Contains("F5:I5", Merged(sheet));
        Assert.Contains("J5:M5", Merged(sheet));
        var units = sheet.Range(7, 4, sheet.LastRowUsed().RowNumber(), 4).CellsUsed().Count();
        Assert.Equal(63, units);
        var r = RowOf(sheet, 3, "Jumlah SDM yang memahami pengetahuan perkoperasian");
        Assert.Equal(110d, sheet.Cell(r, 12).GetDouble());
        Assert.Equal(104.76d, sheet.Cell(r, 14).GetDouble(), 10);
        Assert.Equal("Sangat Tinggi", sheet.Cell(r, 16).GetString());
        Assert.StartsWith("Sub Kegiatan: Peningkatan Pemahaman", sheet.Cell(r, 2).GetString());
        // Tujuan 1 has two indicators: its number and title are merged beside both.
        Assert.Contains("A7:A8", Merged(sheet));
        Assert.Contains("B7:B8", Merged(sheet));
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Planner)]
    [InlineData(Roles.Head)]
    public async Task Overseers_MayDownload(string role)
    {
        using var http = app.App.ClientWithToken(app.Tokens[role]);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(Url)).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Screen)]
    public async Task OfficersAndScreens_AreForbidden_FileAndPage(string role)
    {
        using var http = app.App.ClientWithToken(app.Tokens[role]);

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/laporan?tahun=2025&tw=3")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_GetsUnauthorizedForTheFile_AndTheSignInPageForThePage()
    {
        using var http = app.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(Url)).StatusCode);
        var page = await http.GetAsync("/laporan?tahun=2025&tw=3");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/masuk", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_GetsThePage_RenderedOnTheServer()
    {
        using var http = app.App.ClientWithToken(app.Tokens[Roles.Head]);

        var response = await http.GetAsync("/laporan?tahun=2025&tw=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("TRIWULAN III TAHUN 2025", html);
        Assert.Equal(63, Regex.Matches(html, "data-testid=\"report-indicator-row\"").Count);
    }

    [Theory]
    [InlineData("/laporan/evaluasi.xlsx?tahun=2025&tw=5", HttpStatusCode.BadRequest)]
    [InlineData("/laporan/evaluasi.xlsx?tahun=2019&tw=3", HttpStatusCode.NotFound)]
    public async Task BadQuarterOrYear_IsAProblem_NotAFile(string url, HttpStatusCode expected)
    {
        using var http = app.App.ClientWithToken(app.Tokens[Roles.Admin]);

        var response = await http.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
