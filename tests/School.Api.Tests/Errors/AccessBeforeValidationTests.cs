using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using School.Api.Http;
using School.Application.Common.Authorization;
using School.Infrastructure.Persistence;

namespace School.Api.Tests.Errors;

/// <summary>
/// The access check comes before the request is read: for every route that names a record, a caller who may not see that
/// record is told 404 whatever they send — a broken body, an empty object, invalid query values — exactly as for a valid
/// request; a caller who may see it still gets 400 for the same broken body. The routes come from the running API, so a
/// new route is covered without being listed here.
/// </summary>
public sealed partial class AccessBeforeValidationTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    /// <summary>Bridgemary pupil BMC08100: not the demo student, not the demo parent's child.</summary>
    private static readonly Guid OtherStudentId = DemoData.IdFor("bridgemary:student:BMC08100");

    /// <summary>What a caller who may not see the record sends: broken JSON, an empty object, and query values of the wrong type.</summary>
    private static readonly (string Name, string Query, string? Body)[] BadRequests =
    [
        ("malformed JSON", "", "{\"broken"),
        ("an empty object", "", "{}"),
        ("invalid query values", "?page=x&pageSize=-1&from=not-a-date&to=x&tuteeId=x&tuteeLevel=x&kind=Nothing", "[1, \"x\"]"),
    ];

    [Fact]
    public void EveryRouteThatNamesARecord_DeclaresWhatItNames()
    {
        var undeclared = RecordRoutes(includeUndeclared: true)
            .SelectMany(r => r.Endpoint.RoutePattern.Parameters
                .Where(p => p.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase))
                .Where(p => !r.Names.Any(n => n.RouteValue == p.Name))
                .Select(p => $"{r.Method} {r.Endpoint.RoutePattern.RawText}: {{{p.Name}}}"))
            .ToList();

        Assert.True(undeclared.Count == 0, "Route values naming a record with no NamesRecord/NamesPartOfRecord:\n" + string.Join('\n', undeclared));
        Assert.True(RecordRoutes().Count >= 100, "The routes that name a record are found from the running API.");
    }

    [Fact]
    public async Task ACallerOfAnotherSchool_Gets404WhateverTheyBody_OnEveryRouteThatNamesARecord()
    {
        var hidden = await HiddenRecordsAsync();
        var failures = new List<string>();
        var checkedRoutes = 0;

        foreach (var route in RecordRoutes())
        {
            var primary = route.Names.First(n => n.Kind is not null && route.Endpoint.RoutePattern.GetParameter(n.RouteValue) is not null);
            var (caller, _) = hidden[primary.Kind!.Value];
            var url = Url(route, hidden, studentId: null);
            using var client = await factory.ClientFor(caller);
            foreach (var (name, query, body) in BadRequests)
            {
                await ExpectNotFound(client, route, url + query, body, $"{caller} {route.Method} {url}{query} with {name}", failures);
            }

            checkedRoutes++;
        }

        Assert.True(failures.Count == 0, $"{failures.Count} requests were not 404:\n" + string.Join('\n', failures));
        Assert.True(checkedRoutes >= 100, $"Only {checkedRoutes} routes were checked.");
    }

    [Theory]
    [InlineData(Accounts.Parent)]
    [InlineData(Accounts.Student)]
    public async Task AnotherChildsParentOrAnotherStudent_Gets404WhateverTheyBody_OnEveryRouteNamingAStudent(string caller)
    {
        var hidden = await HiddenRecordsAsync();
        var other = await factory.WithDb(db => db.Students.AsNoTracking().Where(s => s.Id == OtherStudentId)
            .Select(s => new { s.MentorId, Linked = s.GuardianLinks.Any(l => l.GuardianId == DemoData.BridgemaryParentId) }).SingleAsync());
        Assert.NotEqual(DemoData.BridgemaryStudentId, other.MentorId);
        Assert.False(other.Linked);

        var failures = new List<string>();
        var studentRoutes = RecordRoutes().Where(r => r.Names.Any(n => n.Kind is RecordKind.Student or RecordKind.Participant)).ToList();
        using var client = await factory.ClientFor(caller);
        foreach (var route in studentRoutes)
        {
            var url = Url(route, hidden, studentId: OtherStudentId);
            foreach (var (name, query, body) in BadRequests)
            {
                await ExpectNotFound(client, route, url + query, body, $"{route.Method} {url}{query} with {name}", failures);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} requests were not 404:\n" + string.Join('\n', failures));
        Assert.True(studentRoutes.Count >= 30, $"Only {studentRoutes.Count} student routes were checked.");
    }

    [Fact]
    public async Task APermittedCaller_StillGets400ForTheSameBrokenBody()
    {
        var visible = await VisibleToBridgemaryAdminAsync();
        var failures = new List<string>();
        // The demo has no challenge teams (no menu is allocated yet) and no notification of the admin's to name.
        var routes = RecordRoutes()
            .Where(r => AcceptsJson(r.Endpoint) && r.Names.All(n => n.Kind is not (RecordKind.Notification or RecordKind.ChallengeTeam)))
            .ToList();
        using var admin = await factory.ClientFor(Accounts.Admin);
        foreach (var route in routes)
        {
            var url = Url(route, visible, studentId: null);
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), url) { Content = Json("{\"broken") };
            using var response = await admin.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{route.Method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                continue;
            }

            var problem = await response.AssertValidationProblem("body");
            Assert.Equal("validation", problem.GetProperty("code").GetString());
        }

        Assert.True(failures.Count == 0, $"{failures.Count} requests were not 400:\n" + string.Join('\n', failures));
        Assert.True(routes.Count >= 40, $"Only {routes.Count} routes with a JSON body were checked.");
    }

    [Fact]
    public async Task TheEarly404_IsTheHandlersOwnNotFound()
    {
        using var cramlington = await factory.ClientFor(Accounts.CramlingtonAdmin);
        var url = $"/api/students/{DemoData.BridgemaryStudentId}";

        using var broken = await cramlington.PutAsync(url, Json("{\"broken"));
        using var read = await cramlington.GetAsync(url);

        var early = await broken.AssertProblem(HttpStatusCode.NotFound);
        var fromHandler = await read.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(fromHandler.GetProperty("code").GetString(), early.GetProperty("code").GetString());
        Assert.Equal(fromHandler.GetProperty("detail").GetString(), early.GetProperty("detail").GetString());
        Assert.Equal("student.not_found", early.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnAnonymousCaller_IsStillTold401First()
    {
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.PutAsync($"/api/students/{DemoData.BridgemaryStudentId}", Json("{\"broken"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task ExpectNotFound(HttpClient client, RecordRoute route, string url, string? body, string what, List<string> failures)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
        if (body is not null && route.Method != "GET" && route.Method != "DELETE")
        {
            // The content type the route takes (routing itself answers 415 to any other, whatever the id): a broken body of it.
            var contentType = route.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is [var first, ..] ? first : "application/json";
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.NotFound
            || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
            || !text.Contains(".not_found\"", StringComparison.Ordinal)
            || !text.Contains("\"traceId\"", StringComparison.Ordinal))
        {
            failures.Add($"{what}: {(int)response.StatusCode} {text}");
        }
    }

    /// <summary>For each kind of record, one Bridgemary record and a caller who may not see it.</summary>
    private async Task<Dictionary<RecordKind, (string Caller, Guid Id)>> HiddenRecordsAsync()
    {
        var ids = await SampleIdsAsync();
        return ids.ToDictionary(
            kv => kv.Key,
            kv => kv.Key switch
            {
                // The project (and its ideas) spans both schools' network and partnership: a pupil sees none of it.
                RecordKind.InnovationProject or RecordKind.Idea or RecordKind.Partnership => (Accounts.CramlingtonStudent, kv.Value),
                _ => (Accounts.CramlingtonAdmin, kv.Value),
            });
    }

    /// <summary>The same records, each visible to Bridgemary's admin.</summary>
    private async Task<Dictionary<RecordKind, (string Caller, Guid Id)>> VisibleToBridgemaryAdminAsync() =>
        (await SampleIdsAsync()).ToDictionary(kv => kv.Key, kv => (Accounts.Admin, kv.Value));

    private Task<Dictionary<RecordKind, Guid>> SampleIdsAsync() => factory.WithDb(async db =>
    {
        var bridgemary = DemoData.BridgemaryId;
        var readingProgramme = DemoData.BridgemaryReadingProgrammeId;
        var pair = await db.PeerPairs.AsNoTracking().Where(p => p.ProgrammeId == readingProgramme).Select(p => p.Id).FirstAsync();
        var ids = new Dictionary<RecordKind, Guid>
        {
            [RecordKind.Student] = DemoData.BridgemaryStudentId,
            [RecordKind.Participant] = DemoData.BridgemaryPeerTutorId,
            [RecordKind.StaffMember] = DemoData.BridgemaryTeacherId,
            [RecordKind.Mentor] = await db.Mentors.AsNoTracking().Where(m => m.SchoolId == bridgemary).Select(m => m.Id).FirstAsync(),
            [RecordKind.CheckIn] = await db.CheckIns.AsNoTracking().Where(c => c.SchoolId == bridgemary).Select(c => c.Id).FirstAsync(),
            [RecordKind.Notification] = Guid.NewGuid(),
            [RecordKind.PortfolioEntry] = DemoData.BridgemaryEndorsedEntryId,
            [RecordKind.ChallengeMenu] = DemoData.BridgemaryChallengeMenuId,
            [RecordKind.ChallengeTeam] = await db.ChallengeTeams.AsNoTracking().Where(t => t.MenuId == DemoData.BridgemaryChallengeMenuId)
                .Select(t => (Guid?)t.Id).FirstOrDefaultAsync() ?? Guid.NewGuid(),
            [RecordKind.PeerProgramme] = readingProgramme,
            [RecordKind.PeerTutor] = await db.PeerTutors.AsNoTracking().Where(t => t.ProgrammeId == readingProgramme).Select(t => t.Id).FirstAsync(),
            [RecordKind.PeerPair] = pair,
            [RecordKind.PeerSession] = await db.PeerSessions.AsNoTracking().Where(s => s.PairId == pair).Select(s => s.Id).FirstAsync(),
            [RecordKind.SecureCycle] = await db.SecureCycles.AsNoTracking().Where(c => c.SchoolId == bridgemary).Select(c => c.Id).FirstAsync(),
            [RecordKind.AcademicYear] = DemoData.BridgemaryYearId,
            [RecordKind.DayWindow] = DemoData.BridgemaryEarlyWindowId,
            [RecordKind.Room] = await db.Rooms.AsNoTracking().Where(r => r.SchoolId == bridgemary).Select(r => r.Id).FirstAsync(),
            [RecordKind.TeachingGroup] = DemoData.BridgemaryMathsSet1Id,
            [RecordKind.LearningBlock] = DemoData.BridgemaryThemedProjectId,
            [RecordKind.InnovationProject] = DemoData.ResourcingProjectId,
            [RecordKind.Idea] = DemoData.FlexibleDayIdeaId,
            [RecordKind.FieldTrial] = DemoData.BridgemaryFlexibleDayTrialId,
            [RecordKind.School] = bridgemary,
            [RecordKind.Partnership] = DemoData.PartnershipId,
        };
        Assert.Equal(Enum.GetValues<RecordKind>().Length, ids.Count);
        return ids;
    });

    /// <summary>The route with each value replaced: a record's id by the sample of its kind, a part's by a new id.</summary>
    private static string Url(RecordRoute route, Dictionary<RecordKind, (string Caller, Guid Id)> records, Guid? studentId) =>
        RouteValue().Replace(route.Endpoint.RoutePattern.RawText!, m =>
        {
            var name = m.Groups["name"].Value;
            var declared = route.Names.FirstOrDefault(n => n.RouteValue == name);
            if (declared?.Kind is not { } kind)
            {
                return Guid.NewGuid().ToString();
            }

            return kind is RecordKind.Student or RecordKind.Participant && studentId is { } student ? student.ToString() : records[kind].Id.ToString();
        });

    private List<RecordRoute> RecordRoutes(bool includeUndeclared = false) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Names: e.Metadata.GetOrderedMetadata<NamesRecordMetadata>()
                .Where(n => e.RoutePattern.GetParameter(n.RouteValue) is not null).ToList()))
            .Where(e => e.Names.Count > 0 || (includeUndeclared && e.Endpoint.RoutePattern.Parameters.Count > 0))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new RecordRoute(e.Endpoint, method, e.Names)))
            .ToList();

    private static bool AcceptsJson(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("application/json") == true;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex RouteValue();

    private sealed record RecordRoute(RouteEndpoint Endpoint, string Method, IReadOnlyList<NamesRecordMetadata> Names);
}

internal static class AccessTestDatabase
{
    public static async Task<T> WithDb<T>(this SchoolApiFactory factory, Func<SchoolDbContext, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<SchoolDbContext>());
    }
}
