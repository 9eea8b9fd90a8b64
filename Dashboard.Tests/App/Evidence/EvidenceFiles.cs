using System.IO.Compression;
using System.Text;

namespace Dashboard.Tests.App.Evidence;

/// <summary>Minimal but real files of each evidence type, and impostors, built in memory.</summary>
internal static class EvidenceFiles
{
    private const string ContentTypesXml =
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""";

    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n" +
        "trailer\n<< /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A PDF of exactly <paramref name="size"/> bytes (padded inside a comment).</summary>
    public static byte[] PdfOfSize(int size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)' ');
        "%PDF-1.4\n%"u8.CopyTo(bytes);
        return bytes;
    }

    // 1x1 RGBA: signature, IHDR, IEND.
    public static byte[] Png() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
        0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
        0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    // SOI, JFIF APP0, EOI.
    public static byte[] Jpeg() =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00,
        0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9,
    ];

    public static byte[] Xlsx() => Zip(
        ("[Content_Types].xml", ContentTypesXml),
        ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"),
        ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>"));

    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", ContentTypesXml),
        ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"),
        ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"));

    /// <summary>A windows executable's first bytes.</summary>
    public static byte[] Exe() => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Named(string kind) => kind switch
    {
        "pdf" => Pdf(),
        "png" => Png(),
        "jpeg" => Jpeg(),
        "xlsx" => Xlsx(),
        "docx" => Docx(),
        "exe" => Exe(),
        "zip-of-text" => Zip(("readme.txt", "bukan lembar kerja")),
        "xl-without-content-types" => Zip(("xl/workbook.xml", "<workbook/>")),
        "content-types-only" => Zip(("[Content_Types].xml", ContentTypesXml)),
        "xl-folder-name-only" => Zip(("[Content_Types].xml", ContentTypesXml), ("xl/", "")),
        "corrupt-zip" => [0x50, 0x4B, 0x03, 0x04, .. Encoding.ASCII.GetBytes("ini bukan arsip zip yang utuh sama sekali")],
        "truncated-xlsx" => Xlsx()[..(Xlsx().Length / 2)],
        "pdf-in-word" => Encoding.ASCII.GetBytes("Catatan: %PDF-1.4 tidak di awal"),
        "png-prefix" => Png()[..4],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>Counts what the store pulls; endless content stops the test instead of hanging it.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        BytesRead += read;
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>"%PDF-" followed by spaces without end; fails loudly after 50 MB so a reader without a limit is caught.</summary>
internal sealed class EndlessPdfStream : Stream
{
    private const long Guard = 50L * 1024 * 1024;
    private static readonly byte[] Header = "%PDF-1.4\n"u8.ToArray();
    private long _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position > Guard) throw new InvalidOperationException("Read far past any limit: the reader is unbounded.");
        for (var i = 0; i < count; i++, _position++)
        {
            buffer[offset + i] = _position < Header.Length ? Header[_position] : (byte)' ';
        }
        return count;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
