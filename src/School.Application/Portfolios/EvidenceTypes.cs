using System.Text;
using School.Domain.Common;

namespace School.Application.Portfolios;

/// <summary>A kind of file accepted as evidence: the content type it is served with and the usual file extension.</summary>
public sealed record EvidenceType(string ContentType, string Extension);

/// <summary>
/// Decides what an evidence file is from its content, never from its name or the type the uploader claimed: images
/// (JPEG, PNG, GIF, WebP), audio (MP3, WAV, Ogg, M4A), video (MP4, MOV, WebM), PDF and slides (PowerPoint, OpenDocument).
/// Anything else is not accepted.
/// </summary>
public static class EvidenceTypes
{
    /// <summary>How many bytes from the start of a file decide its type (a zip is then opened to tell slides apart).</summary>
    public const int HeaderLength = 64;

    /// <summary>An archive unpacking to more than this many times its packed size is refused as a zip bomb.</summary>
    public const int MaxCompressionRatio = 100;

    public static readonly EvidenceType Jpeg = new("image/jpeg", ".jpg");
    public static readonly EvidenceType Png = new("image/png", ".png");
    public static readonly EvidenceType Gif = new("image/gif", ".gif");
    public static readonly EvidenceType WebP = new("image/webp", ".webp");
    public static readonly EvidenceType Pdf = new("application/pdf", ".pdf");
    public static readonly EvidenceType Mp3 = new("audio/mpeg", ".mp3");
    public static readonly EvidenceType Wav = new("audio/wav", ".wav");
    public static readonly EvidenceType Ogg = new("audio/ogg", ".ogg");
    public static readonly EvidenceType OggVideo = new("video/ogg", ".ogv");
    public static readonly EvidenceType M4A = new("audio/mp4", ".m4a");
    public static readonly EvidenceType Mp4 = new("video/mp4", ".mp4");
    public static readonly EvidenceType QuickTime = new("video/quicktime", ".mov");
    public static readonly EvidenceType WebM = new("video/webm", ".webm");
    public static readonly EvidenceType Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly EvidenceType Odp = new("application/vnd.oasis.opendocument.presentation", ".odp");

    /// <summary>ISO base media brands (bytes 8–11 after "ftyp") that are ordinary audio or video, not HEIF stills.</summary>
    private static readonly string[] VideoBrands = ["iso", "mp4", "avc1", "M4V", "dash", "3gp", "3g2", "mmp4", "MSNV", "f4v"];

    /// <summary>
    /// The type of a file, from its first bytes; a zip is looked into (its central directory, and its <c>mimetype</c>
    /// entry) to tell slides from other archives, and is refused when it would unpack to more than
    /// <paramref name="maxUnpackedBytes"/> or is compressed beyond <see cref="MaxCompressionRatio"/>:1 (a zip bomb),
    /// without being unpacked. Fails with <see cref="EvidenceErrors.UnsupportedType"/> when the content is none of the
    /// accepted types. The stream must be seekable; it is left at its start.
    /// </summary>
    public static async Task<Result<EvidenceType>> SniffAsync(Stream content, long maxUnpackedBytes, CancellationToken cancellationToken)
    {
        content.Position = 0;
        var header = new byte[HeaderLength];
        var read = await content.ReadAtLeastAsync(header, HeaderLength, throwOnEndOfStream: false, cancellationToken);
        Result<EvidenceType> type = FromHeader(header.AsSpan(0, read)) is { } known ? known : EvidenceErrors.UnsupportedType;
        if (!type.IsSuccess && IsZip(header.AsSpan(0, read)))
        {
            content.Position = 0;
            type = await ZipPackages.SlidesAsync(content, maxUnpackedBytes, cancellationToken);
        }

        content.Position = 0;
        return type;
    }

    /// <summary>The type told by the first bytes alone (slides, being zips, need <see cref="SniffAsync"/>).</summary>
    public static EvidenceType? FromHeader(ReadOnlySpan<byte> h)
    {
        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (h.Length >= 12 && h.StartsWith("RIFF"u8))
        {
            var form = h.Slice(8, 4);
            return form.SequenceEqual("WEBP"u8) ? WebP : form.SequenceEqual("WAVE"u8) ? Wav : null;
        }

        if (h.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (h.StartsWith("ID3"u8) || IsMpegAudioFrame(h))
        {
            return Mp3;
        }

        if (h.StartsWith("OggS"u8))
        {
            return h.IndexOf("theora"u8) >= 0 ? OggVideo : Ogg;
        }

        if (h.Length >= 12 && h.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return IsoMedia(Encoding.ASCII.GetString(h.Slice(8, 4)));
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            // EBML: WebM says so in its DocType near the start; other Matroska files are not accepted.
            return h.IndexOf("webm"u8) >= 0 ? WebM : null;
        }

        return null;
    }

    private static bool IsZip(ReadOnlySpan<byte> h) => h.StartsWith("PK\u0003\u0004"u8);

    /// <summary>
    /// An MPEG audio frame header (an MP3 without ID3 tags): 11 sync bits, MPEG version not reserved, layer III, a
    /// bitrate that is not "bad" and a known sample rate. AAC (layer bits 00) and JPEG (FF D8) do not match.
    /// </summary>
    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> h)
    {
        if (h.Length < 4 || h[0] != 0xFF || (h[1] & 0xE0) != 0xE0)
        {
            return false;
        }

        var version = (h[1] >> 3) & 0x03;
        var layer = (h[1] >> 1) & 0x03;
        var bitrate = (h[2] >> 4) & 0x0F;
        var sampleRate = (h[2] >> 2) & 0x03;
        return version != 0x01 && layer == 0x01 && bitrate != 0x0F && sampleRate != 0x03;
    }

    private static EvidenceType? IsoMedia(string brand) => brand switch
    {
        "M4A " or "M4B " => M4A,
        "qt  " => QuickTime,
        _ when VideoBrands.Any(b => brand.StartsWith(b, StringComparison.Ordinal)) => Mp4,
        _ => null, // HEIF/AVIF stills and other ISO media are not on the list
    };

    /// <summary>Every accepted type, to find one by its content type.</summary>
    public static IReadOnlyList<EvidenceType> All { get; } =
        [Jpeg, Png, Gif, WebP, Pdf, Mp3, Wav, Ogg, OggVideo, M4A, Mp4, QuickTime, WebM, Pptx, Odp];

    /// <summary>The accepted type with this content type, or null.</summary>
    public static EvidenceType? ForContentType(string contentType) =>
        All.FirstOrDefault(t => string.Equals(t.ContentType, contentType, StringComparison.OrdinalIgnoreCase));
}
