using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Dashboard.App.Evidence;

namespace Dashboard.Tests.App.Evidence;

public sealed class EvidenceStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"renaksi-evidence-{Guid.NewGuid():N}");
    private readonly string _contentRoot;
    private readonly string _root;

    public EvidenceStoreTests()
    {
        _contentRoot = Path.Combine(_dir, "app");
        Directory.CreateDirectory(Path.Combine(_contentRoot, "wwwroot"));
        _root = EvidenceOptions.ResolveRoot(null, _contentRoot);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private EvidenceStore Store(long maxBytes = EvidenceOptions.DefaultMaxBytes) =>
        new(new EvidenceOptions { MaxBytes = maxBytes }, _root);

    private static Task<EvidenceResult> Save(EvidenceStore store, string name, byte[] bytes, long? declared = null) =>
        store.SaveAsync(name, new MemoryStream(bytes), declared ?? bytes.Length, CancellationToken.None);

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private string[] AllFilesUnderTestDir() => Directory.GetFiles(_dir, "*", SearchOption.AllDirectories);

    private void AssertRefused(EvidenceResult result, string message)
    {
        Assert.False(result.Ok);
        Assert.Null(result.Stored);
        Assert.Equal(message, result.Error);
        Assert.Empty(AllFilesUnderTestDir());
    }

    public static TheoryData<string, string, string, string> ValidFiles => new()
    {
        { "Notulen rapat TW I.pdf", "pdf", ".pdf", "application/pdf" },
        { "foto kegiatan.jpg", "jpeg", ".jpg", "image/jpeg" },
        { "FOTO.JPEG", "jpeg", ".jpg", "image/jpeg" },
        { "grafik.png", "png", ".png", "image/png" },
        { "Daftar Hadir.xlsx", "xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "SK Kepala Dinas.DOCX", "docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    };

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public async Task ValidFile_IsStoredUnderItsSha256_OutsideWwwroot(string name, string kind, string ext, string contentType)
    {
        var bytes = EvidenceFiles.Named(kind);
        var sha = Sha(bytes);

        var result = await Save(Store(), name, bytes);

        Assert.True(result.Ok, result.Error);
        Assert.Null(result.Error);
        Assert.Equal(new StoredEvidence($"{sha[..2]}/{sha}{ext}", sha, bytes.Length, contentType, name), result.Stored);
        var path = Path.Combine(_root, sha[..2], sha + ext);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.Equal([path], AllFilesUnderTestDir());
        Assert.DoesNotContain("wwwroot", Path.GetRelativePath(_dir, path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_contentRoot, "wwwroot")));
    }

    [Theory]
    [InlineData("setup.exe", "exe")]
    [InlineData("setup.exe", "pdf")]
    [InlineData("catatan.txt", "pdf")]
    [InlineData("README", "pdf")]
    [InlineData("", "pdf")]
    [InlineData("laporan.", "pdf")]
    [InlineData("laporan.pdf.exe", "pdf")]
    [InlineData("foto.gif", "png")]
    [InlineData("arsip.zip", "xlsx")]
    [InlineData("folder/", "pdf")]
    public async Task DisallowedExtension_IsRefused_AndNothingIsWritten(string name, string kind)
    {
        var result = await Save(Store(), name, EvidenceFiles.Named(kind));

        AssertRefused(result, "Jenis berkas tidak diizinkan. Yang boleh: PDF, JPG, PNG, XLSX, DOCX.");
    }

    [Theory]
    [InlineData("rekap.xlsx", "zip-of-text", ".xlsx")]
    [InlineData("rekap.xlsx", "xl-without-content-types", ".xlsx")]
    [InlineData("rekap.xlsx", "content-types-only", ".xlsx")]
    [InlineData("rekap.xlsx", "xl-folder-name-only", ".xlsx")]
    [InlineData("rekap.xlsx", "docx", ".xlsx")]
    [InlineData("sk.docx", "xlsx", ".docx")]
    [InlineData("sk.docx", "zip-of-text", ".docx")]
    [InlineData("notulen.pdf", "png", ".pdf")]
    [InlineData("notulen.pdf", "pdf-in-word", ".pdf")]
    [InlineData("foto.png", "jpeg", ".png")]
    [InlineData("foto.png", "png-prefix", ".png")]
    [InlineData("foto.jpg", "pdf", ".jpg")]
    [InlineData("foto.jpeg", "png", ".jpg")]
    [InlineData("program.pdf", "exe", ".pdf")]
    [InlineData("program.docx", "exe", ".docx")]
    [InlineData("rusak.xlsx", "corrupt-zip", ".xlsx")]
    [InlineData("terpotong.xlsx", "truncated-xlsx", ".xlsx")]
    public async Task ContentNotMatchingItsExtension_IsRefused_AndTheTempFileIsRemoved(string name, string kind, string ext)
    {
        var result = await Save(Store(), name, EvidenceFiles.Named(kind));

        AssertRefused(result, $"Isi berkas tidak sesuai dengan jenisnya ({ext}).");
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(null)]
    public async Task EmptyFile_IsRefused(long? declared)
    {
        var result = await Store().SaveAsync("kosong.pdf", new MemoryStream(), declared, CancellationToken.None);

        AssertRefused(result, "Berkas kosong.");
    }

    [Fact]
    public async Task FileOfExactlyMaxBytes_IsAccepted()
    {
        var bytes = EvidenceFiles.PdfOfSize(1024);

        var result = await Save(Store(maxBytes: 1024), "pas.pdf", bytes);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(1024, result.Stored.Size);
    }

    [Fact]
    public async Task FileOneByteOverMaxBytes_WithHonestDeclaredLength_IsRefusedBeforeReading()
    {
        var content = new CountingStream(new MemoryStream(EvidenceFiles.PdfOfSize(1025)));

        var result = await Store(maxBytes: 1024).SaveAsync("lebih.pdf", content, 1025, CancellationToken.None);

        AssertRefused(result, "Berkas terlalu besar: 1,1 KB; maksimal 1 KB.");
        Assert.Equal(0, content.BytesRead);
    }

    [Fact]
    public async Task FileOverMaxBytes_WithoutDeclaredLength_IsRefused_AfterReadingMaxBytesPlusOne()
    {
        var content = new CountingStream(new EndlessPdfStream());

        var result = await Store(maxBytes: 1024).SaveAsync("tanpa-ujung.pdf", content, null, CancellationToken.None);

        AssertRefused(result, "Berkas terlalu besar; maksimal 1 KB.");
        Assert.Equal(1025, content.BytesRead);
    }

    [Fact]
    public async Task FileOverMaxBytes_WithUnderstatedDeclaredLength_IsRefused()
    {
        var content = new CountingStream(new MemoryStream(EvidenceFiles.PdfOfSize(5000)));

        var result = await Store(maxBytes: 1024).SaveAsync("bohong.pdf", content, 100, CancellationToken.None);

        AssertRefused(result, "Berkas terlalu besar; maksimal 1 KB.");
        Assert.Equal(1025, content.BytesRead);
    }

    [Fact]
    public async Task DeclaredLengthOverTheDefaultLimit_IsRefusedWithBothSizesInMegabytes()
    {
        var content = new CountingStream(new EndlessPdfStream());

        var result = await Store().SaveAsync("video.pdf", content, 12_897_484, CancellationToken.None);

        AssertRefused(result, "Berkas terlalu besar: 12,3 MB; maksimal 10 MB.");
        Assert.Equal(0, content.BytesRead);
    }

    [Fact]
    public async Task DuplicateUpload_GivesTheSamePath_AndStoresOneFile()
    {
        var store = Store();
        var bytes = EvidenceFiles.Xlsx();

        var first = await Save(store, "daftar hadir.xlsx", bytes);
        var second = await Save(store, "daftar hadir (salinan).xlsx", bytes);

        Assert.True(first.Ok && second.Ok);
        Assert.Equal(first.Stored.RelativePath, second.Stored.RelativePath);
        Assert.Equal("daftar hadir (salinan).xlsx", second.Stored.OriginalName);
        Assert.Single(AllFilesUnderTestDir());
    }

    [Fact]
    public async Task DuplicateUpload_KeepsTheExistingFile()
    {
        var store = Store();
        var bytes = EvidenceFiles.Pdf();
        var first = await Save(store, "a.pdf", bytes);
        var path = Path.Combine(_root, first.Stored!.RelativePath);
        await File.WriteAllTextAsync(path, "penanda");

        var second = await Save(store, "b.pdf", bytes);

        Assert.Equal(first.Stored.RelativePath, second.Stored!.RelativePath);
        Assert.Equal("penanda", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task JpegAndJpgOfTheSamePhoto_ShareOnePath()
    {
        var store = Store();

        var jpeg = await Save(store, "foto.jpeg", EvidenceFiles.Jpeg());
        var jpg = await Save(store, "foto.jpg", EvidenceFiles.Jpeg());

        Assert.EndsWith(".jpg", jpeg.Stored!.RelativePath);
        Assert.Equal(jpeg.Stored.RelativePath, jpg.Stored!.RelativePath);
    }

    [Fact]
    public async Task ConcurrentUploadsOfTheSameFile_AllSucceed_WithOneStoredFile()
    {
        var store = Store();
        var bytes = EvidenceFiles.Docx();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Save(store, $"sk-{i}.docx", bytes))));

        Assert.All(results, r => Assert.True(r.Ok, r.Error));
        Assert.Single(results.Select(r => r.Stored!.RelativePath).Distinct());
        Assert.Single(AllFilesUnderTestDir());
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("/etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\Windows\\win.ini.pdf", "win.ini.pdf")]
    [InlineData("C:\\Users\\petugas\\Desktop\\notulen.pdf", "notulen.pdf")]
    [InlineData("../../../../../../../../tmp/x.pdf", "x.pdf")]
    public async Task MaliciousOriginalName_DoesNotEscapeTheRoot_AndIsShownWithoutFolders(string name, string shown)
    {
        var bytes = EvidenceFiles.Pdf();

        var result = await Save(Store(), name, bytes);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(shown, result.Stored.OriginalName);
        Assert.Matches(@"^[0-9a-f]{2}/[0-9a-f]{64}\.pdf$", result.Stored.RelativePath);
        Assert.Equal([Path.Combine(_root, result.Stored.RelativePath)], AllFilesUnderTestDir());
    }

    [Fact]
    public async Task OriginalName_LosesControlAndDirectionCharacters()
    {
        var result = await Save(Store(), "notulen\u0007 rapat\u202E\u0000.pdf", EvidenceFiles.Pdf());

        Assert.Equal("notulen rapat.pdf", result.Stored!.OriginalName);
    }

    [Fact]
    public async Task LongOriginalName_IsCutTo200Characters_KeepingTheExtension()
    {
        var result = await Save(Store(), new string('a', 300) + ".pdf", EvidenceFiles.Pdf());

        Assert.Equal(new string('a', 196) + ".pdf", result.Stored!.OriginalName);
    }

    [Fact]
    public void SanitizeName_DoesNotSplitASurrogatePair()
    {
        var name = new string('a', 195) + "\U0001F4C4" + new string('b', 10) + ".pdf";

        var shown = EvidenceStore.SanitizeName(name);

        Assert.Equal(new string('a', 195) + ".pdf", shown);
    }

    [Fact]
    public async Task CancelledUpload_Throws_AndLeavesNoFile()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Store().SaveAsync("notulen.pdf", new MemoryStream(EvidenceFiles.Pdf()), null, cancelled.Token));

        Assert.Empty(AllFilesUnderTestDir());
    }

    [Fact]
    public async Task OpenRead_ReturnsTheStoredBytes()
    {
        var store = Store();
        var bytes = EvidenceFiles.Png();
        var saved = await Save(store, "grafik.png", bytes);

        await using var stream = store.OpenRead(saved.Stored!.RelativePath);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("../../x")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("/etc/passwd")]
    [InlineData("ab/../../x")]
    [InlineData("ab\\..\\..\\x")]
    [InlineData("x")]
    public async Task OpenRead_RefusesPathsOutsideTheStoredLayout(string path)
    {
        var store = Store();
        await Save(store, "notulen.pdf", EvidenceFiles.Pdf());
        // Targets that exist, so a store that merely combined paths would open them.
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(_root)!, "x"), "rahasia");
        await File.WriteAllTextAsync(Path.Combine(_root, "x"), "bukan bukti");

        var error = Assert.Throws<ArgumentException>(() => store.OpenRead(path));

        Assert.StartsWith("Lokasi berkas bukti tidak sah.", error.Message);
    }

    [Fact]
    public async Task OpenRead_RefusesTraversalDressedAsAStoredPath()
    {
        var store = Store();
        var saved = await Save(store, "notulen.pdf", EvidenceFiles.Pdf());
        var sha = saved.Stored!.Sha256Hex;

        Assert.Throws<ArgumentException>(() => store.OpenRead($"../evidence/{sha[..2]}/{sha}.pdf"));
        Assert.Throws<ArgumentException>(() => store.OpenRead($"{sha[..2]}/{sha}.pdf\n"));
        Assert.Throws<ArgumentException>(() => store.OpenRead($"{sha[..2]}/{sha}.PDF"));
        Assert.Throws<ArgumentException>(() => store.OpenRead($"{sha[..2]}/../{sha[..2]}/{sha}.pdf"));
    }

    [Fact]
    public void OpenRead_WellFormedButUnknownPath_ThrowsFileNotFound()
    {
        var sha = new string('0', 64);

        Assert.Throws<FileNotFoundException>(() => Store().OpenRead($"00/{sha}.pdf"));
    }

    [Theory]
    [InlineData("https://drive.google.com/file/d/1AbC/view?usp=sharing", "https://drive.google.com/file/d/1AbC/view?usp=sharing")]
    [InlineData("http://dinkop.purbalinggakab.go.id/berita/rapat", "http://dinkop.purbalinggakab.go.id/berita/rapat")]
    [InlineData("  HTTPS://Example.com/a  ", "HTTPS://Example.com/a")]
    public void ValidateLink_AcceptsAbsoluteHttpUrls(string input, string expected)
    {
        var result = EvidenceStore.ValidateLink(input);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(expected, result.Url);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData(null, "Tautan wajib diisi.")]
    [InlineData("", "Tautan wajib diisi.")]
    [InlineData("   ", "Tautan wajib diisi.")]
    [InlineData("ftp://example.com/sk.pdf", "Tautan harus diawali http:// atau https://.")]
    [InlineData("javascript:alert(1)", "Tautan harus diawali http:// atau https://.")]
    [InlineData("file:///etc/passwd", "Tautan harus diawali http:// atau https://.")]
    [InlineData("www.example.com/sk.pdf", "Tautan harus diawali http:// atau https://.")]
    [InlineData("/berkas/sk.pdf", "Tautan harus diawali http:// atau https://.")]
    [InlineData("https://", "Tautan harus diawali http:// atau https://.")]
    [InlineData("https:example.com", "Tautan harus diawali http:// atau https://.")]
    [InlineData("https://exa\nmple.com", "Tautan harus diawali http:// atau https://.")]
    [InlineData("https://example.com/sk\u0007.pdf", "Tautan harus diawali http:// atau https://.")]
    [InlineData("https://example.com/\r\nSet-Cookie: a=b", "Tautan harus diawali http:// atau https://.")]
    [InlineData("data:text/html,<script>alert(1)</script>", "Tautan harus diawali http:// atau https://.")]
    public void ValidateLink_RefusesAnythingButAbsoluteHttpUrls(string? input, string message)
    {
        var result = EvidenceStore.ValidateLink(input);

        Assert.False(result.Ok);
        Assert.Null(result.Url);
        Assert.Equal(message, result.Error);
    }

    [Fact]
    public void ValidateLink_Accepts2000Characters_AndRefuses2001()
    {
        const string prefix = "https://example.com/";
        var longest = prefix + new string('a', 2000 - prefix.Length);

        Assert.True(EvidenceStore.ValidateLink(longest).Ok);
        Assert.Equal("Tautan terlalu panjang: maksimal 2.000 karakter.", EvidenceStore.ValidateLink(longest + "a").Error);
    }

    [Theory]
    [InlineData(".pdf", "application/pdf")]
    [InlineData("PDF", "application/pdf")]
    [InlineData(".JPEG", "image/jpeg")]
    [InlineData("jpg", "image/jpeg")]
    [InlineData(".png", "image/png")]
    [InlineData(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData(".exe", "application/octet-stream")]
    [InlineData("", "application/octet-stream")]
    [InlineData(null, "application/octet-stream")]
    public void ContentTypeFor_MapsAllowedExtensions(string? ext, string expected)
    {
        Assert.Equal(expected, EvidenceStore.ContentTypeFor(ext));
    }

    [Fact]
    public void Store_RefusesARelativeRoot_AndANonPositiveLimit()
    {
        Assert.Throws<ArgumentException>(() => new EvidenceStore(new EvidenceOptions(), "App_Data/evidence"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EvidenceStore(new EvidenceOptions { MaxBytes = 0 }, _root));
    }
}
