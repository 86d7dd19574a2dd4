using School.Domain.Common;

namespace School.Application.Portfolios;

/// <summary>Why an evidence upload is refused.</summary>
public static class EvidenceErrors
{
    public static readonly Error Empty = Error.Validation("file", "The file is empty: choose a file with something in it.");

    public static readonly Error Missing = Error.Validation("file", "Send the file as multipart/form-data in a field named \"file\".");

    public static readonly Error UnsupportedType = new(
        ErrorKind.UnsupportedMediaType,
        "evidence.unsupported_type",
        "Evidence is a photo (JPEG, PNG, GIF, WebP), audio (MP3, WAV, Ogg, M4A), video (MP4, MOV, WebM), a PDF or slides (PowerPoint, OpenDocument). "
        + "This file's content is none of these, whatever its name says.",
        "file");

    public static Error TooLarge(long maxBytes) => new(
        ErrorKind.PayloadTooLarge,
        "evidence.too_large",
        $"An evidence file is at most {Describe(maxBytes)}.",
        "file");

    /// <summary>An archive (slides are zips) whose central directory declares more unpacked bytes than the limit.</summary>
    public static Error UnpacksTooLarge(long maxUnpackedBytes) => new(
        ErrorKind.PayloadTooLarge,
        "evidence.unpacks_too_large",
        $"Slides unpack to at most {Describe(maxUnpackedBytes)}; this file says it would unpack to more. Save it with smaller pictures and videos.",
        "file");

    /// <summary>An archive compressed past any real document's ratio: the shape of a zip bomb.</summary>
    public static readonly Error CompressedTooFar = new(
        ErrorKind.Unprocessable,
        "evidence.compressed_too_far",
        $"This file would unpack to more than {EvidenceTypes.MaxCompressionRatio} times its size, which real slides never do. Save it again and upload that copy.",
        "file");

    private static string Describe(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB"
        : bytes >= 1024 && bytes % 1024 == 0 ? $"{bytes / 1024} KB"
        : $"{bytes} bytes";
}
