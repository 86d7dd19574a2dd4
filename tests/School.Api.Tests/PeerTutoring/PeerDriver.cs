namespace School.Api.Tests.PeerTutoring;

/// <summary>A pupil made for a test, with a sign-in when <see cref="Email"/> is set.</summary>
internal sealed record PeerPupil(Guid Id, string? Email, int YearGroup, string Name);

/// <summary>
/// The steps the peer-tutoring tests share, all through the API: pupils (with sign-ins) and their guardians, programmes,
/// applications, decisions, training, pairs and session logs. An instance per factory; methods rather than extension
/// methods so that nothing here collides with other helpers of the folder.
/// </summary>
internal sealed class PeerDriver(SchoolApiFactory factory)
{
    public const string Password = "peer-Passw0rd!";
    public const string Base = "/api/peer-tutoring";

    /// <summary>A Bridgemary Year 8 pupil linked to no demo sign-in (the "another student" of every matrix).</summary>
    public static readonly Guid OtherStudentId = DemoData.IdFor("bridgemary:student:BMC08100");

    public static string Me => $"{Base}/me";

    public static string Programmes => $"{Base}/programmes";

    public static string Tutors(Guid programmeId) => $"{Programmes}/{programmeId}/tutors";

    public static string Decision(Guid programmeId, Guid tutorId) => $"{Tutors(programmeId)}/{tutorId}/decision";

    public static string Training(Guid programmeId, Guid tutorId) => $"{Tutors(programmeId)}/{tutorId}/training";

    public static string Suggestions(Guid programmeId, Guid tuteeId, int tuteeLevel) =>
        $"{Programmes}/{programmeId}/suggestions?tuteeId={tuteeId}&tuteeLevel={tuteeLevel}";

    public static string Pairs(Guid programmeId) => $"{Programmes}/{programmeId}/pairs";

    public static string Credits(Guid programmeId, Guid studentId) => $"{Tutors(programmeId)}/{studentId}/credits";

    public static string Endorse(Guid programmeId, Guid studentId) => $"{Credits(programmeId, studentId)}/endorse";

    public static string Sessions(Guid pairId) => $"{Base}/pairs/{pairId}/sessions";

    public static string Session(Guid sessionId) => $"{Base}/sessions/{sessionId}";

    public static string Feedback(Guid sessionId) => $"{Session(sessionId)}/feedback";

    public static string Void(Guid sessionId) => $"{Session(sessionId)}/void";

    public static string OfStudent(Guid studentId) => $"/api/students/{studentId}/peer-tutoring";

    public static string RecordOfAchievement(Guid studentId) => $"/api/students/{studentId}/record-of-achievement";

    public static Guid Bridgemary(string pupilNumber) => DemoData.IdFor($"bridgemary:student:{pupilNumber}");

    public static Guid Cramlington(string pupilNumber) => DemoData.IdFor($"cramlington:student:{pupilNumber}");

    public static string Tag() => Guid.NewGuid().ToString("N")[..10];

    public SchoolApiFactory Factory => factory;

    /// <summary>The school's date now (the fake clock runs at 08:00 UTC, the same date in the UK).</summary>
    public DateOnly Today => DateOnly.FromDateTime(factory.Time.GetUtcNow().UtcDateTime);

    public Task<HttpClient> As(string account) => factory.ClientFor(account);

    public Task<HttpClient> As(PeerPupil pupil) => factory.ClientFor(pupil.Email ?? throw new InvalidOperationException($"{pupil.Name} has no sign-in."), Password);

    /// <summary>A new pupil of the admin's school in <paramref name="yearGroup"/>, with no tutor or mentor, and a sign-in unless told otherwise.</summary>
    public async Task<PeerPupil> NewPupilAsync(int yearGroup, bool account = true, string admin = Accounts.Admin, string givenName = "Peer")
    {
        using var client = await factory.ClientFor(admin);
        var tag = Tag();
        var email = account ? $"peer-{tag}@example.org" : null;
        var family = $"Pupil{tag}";
        var response = await client.PostAsJsonAsync("/api/students", new
        {
            pupilNumber = $"PT{tag}".ToUpperInvariant(),
            givenName,
            familyName = family,
            dateOfBirth = new DateOnly(2021 - yearGroup, 12, 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            yearGroup,
            account = email is null ? null : new { email, password = Password },
        });
        await AssertStatus(response, 201);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return new PeerPupil(id, email, yearGroup, $"{givenName} {family}");
    }

    /// <summary>A new guardian of <paramref name="studentId"/> with parental responsibility and a sign-in; returns their email.</summary>
    public async Task<string> NewGuardianAsync(Guid studentId, string admin = Accounts.Admin) => (await NewGuardianLinkAsync(studentId, admin)).Email;

    /// <summary>As <see cref="NewGuardianAsync"/>, with the guardian's id.</summary>
    public async Task<(Guid GuardianId, string Email)> NewGuardianLinkAsync(Guid studentId, string admin = Accounts.Admin)
    {
        using var client = await factory.ClientFor(admin);
        var tag = Tag();
        var email = $"peer-guardian-{tag}@example.org";
        var response = await client.PostAsJsonAsync($"/api/students/{studentId}/guardians", new
        {
            guardian = new { givenName = "Robin", familyName = $"Guardian{tag}", email },
            relationship = "Mother",
            hasParentalResponsibility = true,
            account = new { email, password = Password },
        });
        await AssertStatus(response, 201);
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("guardianId").GetGuid(), email);
    }

    public Task<HttpClient> AsGuardian(string email) => factory.ClientFor(email, Password);

    public Task<HttpClient> SignInAgainAsGuardian(string email) => factory.SignInAgain(email, Password);

    /// <summary>A new programme (201), set up by <paramref name="admin"/>; returns it.</summary>
    public async Task<JsonElement> ProgrammeAsync(
        string admin = Accounts.Admin, Guid? supervisorId = null, int[]? tutorYears = null, int[]? tuteeYears = null, bool allowSameAge = false,
        int? maxTuteesPerTutor = null, int? minutesPerCredit = null, bool? onlyAttendedSessionsCount = null, string subject = "Maths")
    {
        using var client = await factory.ClientFor(admin);
        var response = await client.PostAsJsonAsync(Programmes, ProgrammeBody(
            supervisorId ?? (admin == Accounts.CramlingtonAdmin ? DemoData.CramlingtonAdminId : DemoData.BridgemaryPastoralId),
            tutorYears, tuteeYears, allowSameAge, maxTuteesPerTutor, minutesPerCredit, onlyAttendedSessionsCount, subject));
        await AssertStatus(response, 201);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<Guid> ProgrammeIdAsync(
        string admin = Accounts.Admin, Guid? supervisorId = null, int[]? tutorYears = null, int[]? tuteeYears = null, bool allowSameAge = false,
        int? maxTuteesPerTutor = null, int? minutesPerCredit = null, bool? onlyAttendedSessionsCount = null, string subject = "Maths") =>
        Id(await ProgrammeAsync(admin, supervisorId, tutorYears, tuteeYears, allowSameAge, maxTuteesPerTutor, minutesPerCredit, onlyAttendedSessionsCount, subject));

    public static object ProgrammeBody(
        Guid supervisorId, int[]? tutorYears = null, int[]? tuteeYears = null, bool allowSameAge = false, int? maxTuteesPerTutor = null,
        int? minutesPerCredit = null, bool? onlyAttendedSessionsCount = null, string subject = "Maths", string? name = null) => new
        {
            name = name ?? $"Peer Learner Programme {Tag()}",
            subject,
            tutorYearGroups = tutorYears ?? [10, 11],
            tuteeYearGroups = tuteeYears ?? [7, 8, 9],
            allowSameAge,
            requiredTraining = "Paired tutoring (two sessions)",
            supervisorId,
            maxTuteesPerTutor,
            minutesPerCredit,
            onlyAttendedSessionsCount,
        };

    /// <summary>A member of staff nominates <paramref name="studentId"/> to tutor (201); returns the tutor's record.</summary>
    public async Task<JsonElement> NominateAsync(Guid programmeId, Guid studentId, int level, string by = Accounts.Admin)
    {
        using var client = await factory.ClientFor(by);
        var response = await client.PostAsJsonAsync(Tutors(programmeId), new { studentId, level });
        await AssertStatus(response, 201);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> DecideAsync(Guid programmeId, Guid tutorId, bool approve = true, string by = Accounts.Admin)
    {
        using var client = await factory.ClientFor(by);
        var response = await client.PostAsJsonAsync(Decision(programmeId, tutorId), new { approve });
        await AssertStatus(response, 200);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> TrainAsync(Guid programmeId, Guid tutorId, string by = Accounts.Admin)
    {
        using var client = await factory.ClientFor(by);
        var response = await client.PostAsJsonAsync(Training(programmeId, tutorId), new { });
        await AssertStatus(response, 200);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Nominated, approved and trained by <paramref name="admin"/>: ready to be paired. Returns the tutor's record id.</summary>
    public async Task<Guid> TrainedTutorAsync(Guid programmeId, Guid studentId, int level, string admin = Accounts.Admin)
    {
        var tutorId = Id(await NominateAsync(programmeId, studentId, level, admin));
        await DecideAsync(programmeId, tutorId, approve: true, admin);
        await TrainAsync(programmeId, tutorId, admin);
        return tutorId;
    }

    /// <summary>Pairs a trained tutor (by student id) with a tutee (201); returns the pair.</summary>
    public async Task<JsonElement> PairAsync(Guid programmeId, Guid tutorStudentId, Guid tuteeId, int tuteeLevel, string admin = Accounts.Admin)
    {
        using var client = await factory.ClientFor(admin);
        var response = await client.PostAsJsonAsync(Pairs(programmeId), new { tutorId = tutorStudentId, tuteeId, tuteeLevel });
        await AssertStatus(response, 201);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<Guid> PairIdAsync(Guid programmeId, Guid tutorStudentId, Guid tuteeId, int tuteeLevel, string admin = Accounts.Admin) =>
        Id(await PairAsync(programmeId, tutorStudentId, tuteeId, tuteeLevel, admin));

    /// <summary>A trained tutor paired with a tutee on a programme: the tutor at level 60, the tutee at 20.</summary>
    public async Task<Guid> ReadyPairAsync(Guid programmeId, Guid tutorStudentId, Guid tuteeId, string admin = Accounts.Admin)
    {
        await TrainedTutorAsync(programmeId, tutorStudentId, 60, admin);
        return await PairIdAsync(programmeId, tutorStudentId, tuteeId, 20, admin);
    }

    public static object SessionBody(DateOnly date, int minutes, bool tuteeAttended = true, string? notes = "Fractions and decimals.") =>
        new { date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), minutes, tuteeAttended, notes };

    /// <summary>The tutor logs a session (201); returns it.</summary>
    public static async Task<JsonElement> LogAsync(HttpClient tutor, Guid pairId, DateOnly date, int minutes, bool tuteeAttended = true, string? notes = "Fractions and decimals.")
    {
        var response = await tutor.PostAsJsonAsync(Sessions(pairId), SessionBody(date, minutes, tuteeAttended, notes));
        await AssertStatus(response, 201);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>GET as <paramref name="account"/>, expecting 200.</summary>
    public async Task<JsonElement> GetAsync(string account, string url)
    {
        using var client = await factory.ClientFor(account);
        return await GetAsync(client, url);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await AssertStatus(response, 200);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The tutor records of a programme as its school's admin sees them.</summary>
    public async Task<List<JsonElement>> TutorsAsync(Guid programmeId, string admin = Accounts.Admin) =>
        (await GetAsync(admin, Tutors(programmeId))).EnumerateArray().ToList();

    /// <summary>The student's tutoring as their school's admin reads it.</summary>
    public Task<JsonElement> TutoringAsync(Guid studentId, string admin = Accounts.Admin) => GetAsync(admin, OfStudent(studentId));

    public async Task<JsonElement> SessionAsync(Guid studentId, Guid sessionId, string admin = Accounts.Admin) =>
        (await TutoringAsync(studentId, admin)).GetProperty("sessions").EnumerateArray().Single(s => Id(s) == sessionId);

    public static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    public static List<Guid> Ids(JsonElement array) => array.EnumerateArray().Select(Id).ToList();

    public static string? Code(JsonElement problem) => problem.TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>A success is checked by status; a refusal must be a problem document with that status.</summary>
    public static async Task AssertStatus(HttpResponseMessage response, int expected)
    {
        if (expected >= 400)
        {
            await response.AssertProblem((HttpStatusCode)expected);
            return;
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"Expected {expected} but got {(int)response.StatusCode} for {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
    }

    /// <summary>A 409 problem with the given code.</summary>
    public static async Task AssertConflict(HttpResponseMessage response, string code) =>
        Assert.Equal(code, Code(await response.AssertProblem(HttpStatusCode.Conflict)));
}
