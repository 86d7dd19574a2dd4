using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace School.Api.Http.OpenApi;

/// <summary>The names of the problem document schemas that operations refer to.</summary>
internal static class ProblemSchemas
{
    public const string Problem = nameof(ProblemDetails);

    public const string Validation = nameof(HttpValidationProblemDetails);
}

/// <summary>
/// The document as a whole: what the API is, a description for each tag, and the problem document schemas every
/// operation's error answers refer to.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>Every tag an endpoint uses, described. A test fails on a tag missing here.</summary>
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Sign-in"] = "Bearer tokens for an email and password, and who the signed-in user is.",
        ["Students"] = "The roster: students and their guardians. Reads carry the version in ETag; writes may send If-Match.",
        ["Staff"] = "The school's staff and their roles.",
        ["Timetable: calendar"] = "Academic years: half terms, closures and the timetable cycle.",
        ["Timetable: day windows"] = "Day windows (standard, early, late…) with places, and students' enrolments in them.",
        ["Timetable: rooms and settings"] = "Rooms and off-site settings.",
        ["Timetable: groups"] = "Teaching groups by ability, tutor groups and their members.",
        ["Timetable: staff"] = "When staff work, and their timetables.",
        ["Timetable: personal"] = "A student's own timetable.",
        ["Timetable: blocks and clashes"] = "Learning blocks of any length and the clashes between them.",
        ["Timetable: calendar feed"] = "A secret RFC 5545 calendar address for a timetable; the token in the address is the credential.",
        ["Portfolio"] = "A student's portfolio: entries, evidence files, endorsements, the showcase and the record of achievement.",
        ["Learning plans"] = "Personal learning plans: drafted, proposed and agreed; every change sends If-Match.",
        ["Learning passport"] = "The learning passport: exported signed by the school, imported and verified by the next.",
        ["Mentoring"] = "Mentors, students' preferences, matching, the check-in policy and check-ins.",
        ["SECURE sessions"] = "SECURE fortnights: ranked choices, teachers' requests, allocation and attendance.",
        ["Challenges"] = "Challenge menus: choices, team allocation, milestones and the open day.",
        ["Peer tutoring"] = "Peer-tutoring programmes: tutors, training, pairs, sessions, feedback and credits.",
        ["Innovation"] = "Innovation projects and field trials across a partnership of schools.",
        ["Notifications"] = "The signed-in user's own notifications.",
    };

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Description ??=
            "Every error is an RFC 9457 problem document with a stable `code` and a `traceId`. Records with a version carry it in "
            + "the `ETag` header; writes that read `If-Match` say so and answer 412 when it is stale.";

        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var text))
            {
                tag.Description ??= text;
            }
        }

        // Operations refer to both problem schemas; make sure each exists even if no endpoint declared it itself.
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, type) in new[] { (ProblemSchemas.Problem, typeof(ProblemDetails)), (ProblemSchemas.Validation, typeof(HttpValidationProblemDetails)) })
        {
            if (!document.Components.Schemas.ContainsKey(name))
            {
                document.Components.Schemas[name] = await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken);
            }
        }
    }
}
