namespace School.Api.Http;

/// <summary>Whether an operation reads If-Match: not at all, when sent (412 when stale), or always (428 without it).</summary>
internal enum IfMatchUse
{
    None,
    Optional,
    Required,
}

/// <summary>
/// Endpoint metadata saying that the answer carries the record's version as an ETag and how If-Match is read. The
/// OpenAPI document declares the headers and the 412/428 answers from it, and <see cref="ETags"/> refuses to set an ETag
/// or read If-Match on an endpoint that does not say so, so the document cannot drift from what the endpoint does.
/// </summary>
internal sealed record ETagMetadata(IfMatchUse IfMatch);

internal static class ETagMetadataExtensions
{
    /// <summary>The success answer carries the record's version in the ETag header.</summary>
    public static TBuilder WithETag<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ETagMetadata(IfMatchUse.None));

    /// <summary>
    /// A write that reads If-Match (412 when stale or unreadable) and answers with the new ETag; when
    /// <paramref name="required"/>, a write without If-Match is refused (428).
    /// </summary>
    public static TBuilder WithIfMatch<TBuilder>(this TBuilder builder, bool required = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ETagMetadata(required ? IfMatchUse.Required : IfMatchUse.Optional));

    public static ETagMetadata? ETagMetadata(this HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<ETagMetadata>();
}
