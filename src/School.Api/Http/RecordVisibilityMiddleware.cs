using School.Application.Common.Authorization;

namespace School.Api.Http;

/// <summary>
/// Route metadata: the route value <paramref name="RouteValue"/> names a record of <paramref name="Kind"/>; or, when
/// <paramref name="Kind"/> is null, a part of a record named by another route value (a cycle's period, a trial's
/// indicator, an entry's evidence, a student's guardian link), which is visible when its record is and which the handler
/// looks up inside that record.
/// </summary>
public sealed record NamesRecordMetadata(string RouteValue, RecordKind? Kind);

/// <summary>
/// The access check comes before the request is read: a caller who may not see the record a route names is answered 404 —
/// the not-found problem its handler gives — before the body is bound or validated, so a broken body cannot tell them the
/// record exists. Runs after authentication and authorization (an anonymous caller is still told 401 first).
/// </summary>
public static class RecordVisibilityMiddleware
{
    /// <summary>Declares that the route value <paramref name="routeValue"/> names a record of <paramref name="kind"/> (on a group: on every route of it that has the value).</summary>
    public static TBuilder NamesRecord<TBuilder>(this TBuilder builder, RecordKind kind, string routeValue = "id")
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NamesRecordMetadata(routeValue, kind));

    /// <summary>Declares that the route value <paramref name="routeValue"/> names a part of a record named by another route value.</summary>
    public static TBuilder NamesPartOfRecord<TBuilder>(this TBuilder builder, string routeValue)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NamesRecordMetadata(routeValue, Kind: null));

    public static IApplicationBuilder UseRecordVisibility(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var names = context.GetEndpoint()?.Metadata.GetOrderedMetadata<NamesRecordMetadata>() ?? [];
        if (names.Count > 0 && context.User.Identity?.IsAuthenticated == true)
        {
            var visibility = context.RequestServices.GetRequiredService<RecordVisibility>();
            foreach (var name in names)
            {
                if (name.Kind is not { } kind
                    || !context.Request.RouteValues.TryGetValue(name.RouteValue, out var value)
                    || !Guid.TryParse(value as string, out var id))
                {
                    continue;
                }

                if (await visibility.CheckAsync(kind, id, context.RequestAborted) is { } notFound)
                {
                    await notFound.ToProblem().ExecuteAsync(context);
                    return;
                }
            }
        }

        await next(context);
    });
}
