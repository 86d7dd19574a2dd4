using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace School.Api.Tests.Portfolios;

/// <summary>Small steps the portfolio tests share, through the API.</summary>
internal static class PortfolioApi
{
    public static readonly Guid OtherBridgemaryStudentId = DemoData.IdFor("bridgemary:student:BMC08100");

    public static string Entries(Guid studentId) => $"/api/students/{studentId}/portfolio/entries";

    public static string Entry(Guid studentId, Guid entryId) => $"{Entries(studentId)}/{entryId}";

    public static string Showcase(Guid studentId) => $"/api/students/{studentId}/portfolio/showcase";

    public static string RecordOfAchievement(Guid studentId) => $"/api/students/{studentId}/record-of-achievement";

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public static object EntryBody(
        string? title = null, string visibility = "Family", string kind = "Work", string date = "2026-09-04", string[]? subjects = null,
        string? reflection = "What I did and what I learnt.") =>
        new { title = title ?? Unique("Entry"), reflection, date, kind, subjects = subjects ?? ["Science"], visibility };

    /// <summary>A new entry for <paramref name="studentId"/>, written by <paramref name="writer"/> (who must be allowed to).</summary>
    public static async Task<JsonElement> NewEntryAsync(
        this HttpClient writer, Guid studentId, string visibility = "Family", string kind = "Work", string? title = null, string date = "2026-09-04")
    {
        var response = await writer.PostAsJsonAsync(Entries(studentId), EntryBody(title, visibility, kind, date));
        await AssertStatus(response, HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static List<Guid> Ids(this JsonElement array) => array.EnumerateArray().Select(Id).ToList();

    public static async Task<List<Guid>> EntryIdsAsync(this HttpClient client, Guid studentId) =>
        (await client.GetFromJsonAsync<JsonElement>(Entries(studentId))).Ids();

    /// <summary>Uploads <paramref name="bytes"/> as the multipart field "file", claiming a name and type that the server must ignore.</summary>
    public static Task<HttpResponseMessage> UploadAsync(
        this HttpClient client, Guid studentId, Guid entryId, byte[] bytes, string fileName = "upload.bin", string claimedType = "application/octet-stream",
        string field = "file")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(claimedType);
        var form = new MultipartFormDataContent { { file, field, fileName } };
        return client.PostAsync($"{Entry(studentId, entryId)}/evidence", form);
    }

    public static async Task<JsonElement> UploadedAsync(this HttpClient client, Guid studentId, Guid entryId, byte[] bytes, string fileName = "upload.bin")
    {
        var response = await client.UploadAsync(studentId, entryId, bytes, fileName);
        await AssertStatus(response, HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task AssertStatus(HttpResponseMessage response, HttpStatusCode expected)
    {
        if ((int)expected >= 400)
        {
            await response.AssertProblem(expected);
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
    }
}

/// <summary>Real files of each accepted kind (and some that are not), built in memory.</summary>
internal static class SampleFiles
{
    /// <summary>A valid 4×4 RGB PNG (signature, IHDR, IDAT, IEND with correct CRCs).</summary>
    public static byte[] Png()
    {
        const int size = 4;
        var pixels = new MemoryStream();
        for (var y = 0; y < size; y++)
        {
            pixels.WriteByte(0);
            for (var x = 0; x < size; x++)
            {
                pixels.Write([(byte)(x * 60), (byte)(y * 60), 0x80]);
            }
        }

        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(pixels.ToArray());
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8;
        header[9] = 2;
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A minimal valid one-page PDF 1.4 with a correct cross-reference table.</summary>
    public static byte[] Pdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(FormattableString.Invariant($"{i + 1} 0 obj\n{objects[i]}\nendobj\n"));
        }

        var xref = pdf.Length;
        pdf.Append(FormattableString.Invariant($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            pdf.Append(FormattableString.Invariant($"{offset:D10} 00000 n \n"));
        }

        pdf.Append(FormattableString.Invariant($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    public static byte[] Pptx() => Zip(
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("ppt/presentation.xml", "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>"));

    public static byte[] Odp() => Zip(
        ("mimetype", "application/vnd.oasis.opendocument.presentation"),
        ("content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"));

    /// <summary>A Word document: a zip, but not slides.</summary>
    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", "<Types/>"),
        ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"));

    /// <summary>A Java archive renamed deck.pptx: a zip with a <c>ppt/</c> folder, but no Office package parts.</summary>
    public static byte[] JarWithPptFolder() => Zip(
        ("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: ppt.Main\n"),
        ("ppt/Main.class", "\u00ca\u00fe\u00ba\u00be not really bytecode"));

    /// <summary>Has <c>[Content_Types].xml</c> and a <c>ppt/</c> folder, but not the presentation part a PowerPoint file needs.</summary>
    public static byte[] PptFolderWithoutPresentation() => Zip(
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("ppt/slides/slide1.xml", "<p:sld xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>"));

    /// <summary>A real PowerPoint package whose video is <paramref name="zeros"/> zero bytes: it packs to a tiny fraction of that.</summary>
    public static byte[] PptxWithZeros(int zeros)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in PptxParts)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(Encoding.ASCII.GetBytes(content));
            }

            using var video = archive.CreateEntry("ppt/media/media1.mp4", CompressionLevel.SmallestSize).Open();
            video.Write(new byte[zeros]);
        }

        return zip.ToArray();
    }

    /// <summary>
    /// A PowerPoint package of a few KB whose central directory says its video unpacks to <paramref name="claimedBytes"/>
    /// (as a zip bomb's does): the file itself stays small, so the test does too.
    /// </summary>
    public static byte[] PptxClaimingToUnpackTo(uint claimedBytes)
    {
        var bytes = PptxWithZeros(4096);
        var name = Encoding.ASCII.GetBytes("ppt/media/media1.mp4");
        // Central directory file header: signature PK\x01\x02, uncompressed size at +24, name length at +28, name at +46.
        for (var i = 0; i + 46 + name.Length <= bytes.Length; i++)
        {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02
                && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), claimedBytes);
                return bytes;
            }
        }

        throw new InvalidOperationException("The central directory entry was not found.");
    }

    private static readonly (string Name, string Content)[] PptxParts =
    [
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("ppt/presentation.xml", "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>"),
    ];

    /// <summary><paramref name="header"/> followed by filler bytes, like the start of a real file of that kind.</summary>
    public static byte[] Starting(byte[] header, int length = 512)
    {
        var bytes = new byte[Math.Max(length, header.Length)];
        header.CopyTo(bytes, 0);
        for (var i = header.Length; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 7);
        }

        return bytes;
    }

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = archive.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(Encoding.ASCII.GetBytes(content));
            }
        }

        return zip.ToArray();
    }

    private static void Chunk(MemoryStream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
