using School.Application.Common.Models;
using School.Domain.Students;

namespace School.Application.Students;

/// <summary>A row of the roster.</summary>
public sealed record StudentSummaryDto(
    Guid Id, string PupilNumber, string GivenName, string FamilyName, string? PreferredName, int YearGroup);

/// <summary>One student as the caller may see them. <see cref="Guardians"/> is present only for staff who look after the child.</summary>
public sealed record StudentDto(
    Guid Id,
    Guid SchoolId,
    string PupilNumber,
    string GivenName,
    string FamilyName,
    string? PreferredName,
    DateOnly DateOfBirth,
    int YearGroup,
    PersonRef? PersonalTutor,
    PersonRef? Mentor,
    IReadOnlyList<GuardianLinkDto>? Guardians,
    uint Version);

public sealed record GuardianLinkDto(
    Guid GuardianId,
    string GivenName,
    string FamilyName,
    string? Email,
    string? Phone,
    GuardianRelationship Relationship,
    bool HasParentalResponsibility,
    bool AccessAllowed,
    string? AccessStoppedReason);
