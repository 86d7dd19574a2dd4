using System.Text.Json;
using System.Text.Json.Serialization;
using School.Application.LearningPlans;

namespace School.Application.Passports;

/// <summary>
/// The learning passport: a portable record of a child's plans, portfolio and record of achievement, signed by the
/// issuing school (see docs/learning-passport.md). Evidence files are referenced by SHA-256, never embedded.
/// </summary>
public sealed record PassportDocument(
    string Format,
    DateTimeOffset IssuedAt,
    PassportIssuer Issuer,
    PassportStudent Student,
    IReadOnlyList<PlanHistoryDto> LearningPlans,
    IReadOnlyList<PassportEntry> Portfolio,
    IReadOnlyList<PassportEntry> RecordOfAchievement)
{
    public const string CurrentFormat = "next-practice-learning-passport/1";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

public sealed record PassportIssuer(Guid SchoolId, string SchoolName, string KeyId);

public sealed record PassportStudent(string GivenName, string FamilyName, string? PreferredName, DateOnly DateOfBirth, string PupilNumber, int YearGroup);

public sealed record PassportEvidence(string FileName, string ContentType, long SizeBytes, string Sha256);

public sealed record PassportEntry(
    Guid Id, string Title, string? Reflection, DateOnly Date, string Kind, IReadOnlyList<string> Subjects, string? EndorsedBy, DateTimeOffset? EndorsedAt,
    IReadOnlyList<PassportEvidence> Evidence);
