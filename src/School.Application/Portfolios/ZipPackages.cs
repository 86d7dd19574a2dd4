using System.IO.Compression;
using System.Text;
using School.Domain.Common;

namespace School.Application.Portfolios;

/// <summary>
/// Slides are zip packages. A package is told from its central directory alone (the names and declared sizes of its
/// entries): nothing is unpacked except an OpenDocument's short <c>mimetype</c> entry. An Office Open XML package has
/// <c>[Content_Types].xml</c> and the main part of its type; an OpenDocument one has <c>content.xml</c> and says its
/// type in <c>mimetype</c>. Any archive that would unpack past the limit, or is compressed past
/// <see cref="EvidenceTypes.MaxCompressionRatio"/>:1, is refused before anyone unpacks it.
/// </summary>
internal static class ZipPackages
{
    private const int MaxEntries = 10_000;

    /// <summary>Below this many unpacked bytes an archive is harmless whatever its ratio (a few small text files compress far).</summary>
    private const long RatioJudgedFrom = 1024 * 1024;

    private const int MaxMimetypeLength = 200;

    /// <summary>The Office Open XML packages accepted as evidence, each with the main part its type needs.</summary>
    private static readonly (string MainPart, EvidenceType Type)[] OfficeOpenXml = [("ppt/presentation.xml", EvidenceTypes.Pptx)];

    public static async Task<Result<EvidenceType>> SlidesAsync(Stream content, long maxUnpackedBytes, CancellationToken cancellationToken)
    {
        try
        {
            await using var zip = await ZipArchive.CreateAsync(content, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
            if (zip.Entries.Count > MaxEntries)
            {
                return EvidenceErrors.UnsupportedType;
            }

            var unsafeArchive = Unpacking(zip.Entries, maxUnpackedBytes);
            if (unsafeArchive is not null)
            {
                return unsafeArchive;
            }

            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("[Content_Types].xml"))
            {
                foreach (var (mainPart, type) in OfficeOpenXml)
                {
                    if (names.Contains(mainPart))
                    {
                        return type;
                    }
                }

                return EvidenceErrors.UnsupportedType;
            }

            return names.Contains("content.xml") && await MimetypeAsync(zip, cancellationToken) == EvidenceTypes.Odp.ContentType
                ? EvidenceTypes.Odp
                : EvidenceErrors.UnsupportedType;
        }
        catch (InvalidDataException)
        {
            return EvidenceErrors.UnsupportedType; // starts like a zip but is not a readable one
        }
    }

    /// <summary>
    /// Why unpacking the archive would be unsafe, from the sizes its central directory declares, or null when it is not.
    /// </summary>
    private static Error? Unpacking(IEnumerable<ZipArchiveEntry> entries, long maxUnpackedBytes)
    {
        long unpacked = 0;
        long packed = 0;
        foreach (var entry in entries)
        {
            // Compared by subtraction so that declared sizes near long.MaxValue cannot overflow the sum.
            if (entry.Length < 0 || entry.Length > maxUnpackedBytes - unpacked)
            {
                return EvidenceErrors.UnpacksTooLarge(maxUnpackedBytes);
            }

            unpacked += entry.Length;
            packed += Math.Max(0, Math.Min(entry.CompressedLength, long.MaxValue - packed));
        }

        return unpacked >= RatioJudgedFrom && unpacked > (double)EvidenceTypes.MaxCompressionRatio * Math.Max(packed, 1)
            ? EvidenceErrors.CompressedTooFar
            : null;
    }

    private static async Task<string?> MimetypeAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        var mimetype = zip.GetEntry("mimetype");
        if (mimetype is null || mimetype.Length > MaxMimetypeLength)
        {
            return null;
        }

        await using var stream = await mimetype.OpenAsync(cancellationToken);
        var bytes = new byte[MaxMimetypeLength];
        var read = await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken);
        return Encoding.ASCII.GetString(bytes, 0, read).Trim();
    }
}
