namespace School.Application.Portfolios;

/// <summary>Settings of the portfolio (section <c>Portfolio</c>).</summary>
public sealed class PortfolioOptions
{
    public const string SectionName = "Portfolio";

    /// <summary>25 MB.</summary>
    public const long DefaultMaxEvidenceBytes = 25 * 1024 * 1024;

    /// <summary>100 MB.</summary>
    public const long DefaultMaxUnpackedBytes = 100 * 1024 * 1024;

    /// <summary>The largest evidence file accepted, in bytes; a larger one is refused with 413.</summary>
    public long MaxEvidenceBytes { get; set; } = DefaultMaxEvidenceBytes;

    /// <summary>
    /// The most an archive (slides) may unpack to, in bytes, as its central directory declares; a larger one is refused
    /// with 413 without being unpacked.
    /// </summary>
    public long MaxUnpackedBytes { get; set; } = DefaultMaxUnpackedBytes;
}
