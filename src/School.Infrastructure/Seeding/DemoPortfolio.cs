using System.Buffers.Binary;
using System.IO.Compression;
using School.Application.Portfolios;
using School.Domain.Portfolios;

namespace School.Infrastructure.Seeding;

/// <summary>
/// The demo student's portfolio: work, an achievement endorsed by his maths teacher, an expedition outside school,
/// peer tutoring with Year 7 and a private reflection; two entries in his showcase, one of them with a photo.
/// </summary>
public sealed partial class DemoDataSeeder
{
    private async Task SeedPortfoliosAsync(CancellationToken ct)
    {
        var school = DemoData.BridgemaryId;
        var alex = DemoData.BridgemaryStudentId;
        var showcase = 0;

        PortfolioEntry Entry(
            string key, string title, string reflection, DateOnly date, PortfolioEntryKind kind, string[] subjects, PortfolioVisibility visibility,
            Guid? createdBy = null)
        {
            var entry = PortfolioEntry.Create(
                DemoData.IdFor($"bridgemary:portfolio:{key}"), school, alex, title, reflection, date, kind, subjects, visibility, showcase,
                createdBy ?? alex, new DateTimeOffset(date.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero));
            showcase = entry.ShowcaseOrder ?? showcase;
            db.PortfolioEntries.Add(entry);
            return entry;
        }

        Entry(
            "expedition", "Bronze Duke of Edinburgh expedition",
            "Two days walking on the South Downs with five friends. I was in charge of the map on the second day and we only went wrong once.",
            new(2026, 6, 20), PortfolioEntryKind.OutOfSchool, [], PortfolioVisibility.Showcase);

        var volcano = Entry(
            "volcano-model", "Volcano model and write-up",
            "A working model of a stratovolcano with a write-up on why Etna and Vesuvius erupt differently.",
            new(2026, 7, 3), PortfolioEntryKind.Work, ["Geography", "Science"], PortfolioVisibility.Showcase);
        var stored = await files.SaveAsync(new MemoryStream(DemoPng()), PortfolioOptions.DefaultMaxEvidenceBytes, ct)
            ?? throw new InvalidOperationException("The demo photo did not fit in the store.");
        volcano.AddEvidence(
            DemoData.IdFor("bridgemary:portfolio:volcano-model:photo"), "volcano-model.png", EvidenceTypes.Png.ContentType, stored.SizeBytes,
            stored.Sha256, stored.Path, new DateTimeOffset(2026, 7, 3, 16, 30, 0, TimeSpan.Zero), alex);

        var maths = Entry(
            "maths-challenge", "UK Junior Maths Challenge: silver certificate",
            "I practised past papers every Thursday lunchtime with Mr Bennett's club.",
            new(2026, 5, 14), PortfolioEntryKind.Achievement, ["Maths"], PortfolioVisibility.Family);
        var teacher = _staff[school].Single(s => s.Id == DemoData.BridgemaryTeacherId);
        maths.Endorse(teacher.Id, teacher.DisplayName, new DateTimeOffset(2026, 5, 20, 12, 0, 0, TimeSpan.Zero));

        var tutoring = Entry(
            "peer-tutoring", "Reading partner for two Year 7s",
            "Twenty minutes a week reading with two Year 7 pupils through the summer term.",
            new(2026, 7, 10), PortfolioEntryKind.PeerTutoring, ["English"], PortfolioVisibility.Family, createdBy: DemoData.BridgemaryTutorId);
        var tutor = _staff[school].Single(s => s.Id == DemoData.BridgemaryTutorId);
        tutoring.Endorse(tutor.Id, tutor.DisplayName, new DateTimeOffset(2026, 7, 14, 12, 0, 0, TimeSpan.Zero));

        Entry(
            "mock-reflection", "What my Year 9 exams taught me",
            "I ran out of time in English and rushed the last question. Next time: plan for five minutes, then write.",
            new(2026, 7, 17), PortfolioEntryKind.Other, ["English", "Maths"], PortfolioVisibility.Private);
    }

    /// <summary>A small PNG (16×16, an orange volcano on a blue sky), written out byte by byte so the demo needs no image files.</summary>
    private static byte[] DemoPng()
    {
        const int size = 16;
        var pixels = new MemoryStream();
        for (var y = 0; y < size; y++)
        {
            pixels.WriteByte(0); // filter: none
            for (var x = 0; x < size; x++)
            {
                var inVolcano = y >= 6 && Math.Abs(x - 7.5) <= (y - 5) * 0.7;
                pixels.Write(inVolcano ? [0xE0, 0x60, 0x20] : (byte[])[0x60, 0xA0, 0xE0]);
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
        header[8] = 8; // bits per channel
        header[9] = 2; // colour type: RGB

        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR"u8, header);
        WriteChunk(png, "IDAT"u8, compressed.ToArray());
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WriteChunk(MemoryStream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = new byte[4 + data.Length];
        type.CopyTo(typeAndData);
        data.CopyTo(typeAndData.AsSpan(4));
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    /// <summary>The CRC-32 PNG chunks carry (the zlib/ISO-HDLC polynomial).</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
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
