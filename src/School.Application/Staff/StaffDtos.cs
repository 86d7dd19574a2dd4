using FluentValidation;
using School.Application.Common;
using School.Domain.Staff;

namespace School.Application.Staff;

public sealed record StaffMemberDto(
    Guid Id, Guid SchoolId, string? Title, string GivenName, string FamilyName, IReadOnlyList<StaffRoles> Roles, uint Version);

/// <summary>The fields an admin sets when creating or changing a member of staff.</summary>
public interface IStaffDetails
{
    string? Title { get; }

    string GivenName { get; }

    string FamilyName { get; }

    IReadOnlyList<StaffRoles> Roles { get; }
}

public sealed class StaffDetailsValidator : AbstractValidator<IStaffDetails>
{
    public StaffDetailsValidator()
    {
        RuleFor(s => s.Title).MaximumLength(20);
        RuleFor(s => s.GivenName).PersonName();
        RuleFor(s => s.FamilyName).PersonName();
        RuleFor(s => s.Roles).NotEmpty().WithMessage("A member of staff holds at least one role.");
        RuleForEach(s => s.Roles)
            .Must(r => r != StaffRoles.None && (r & (r - 1)) == 0 && StaffRoleNames.All.HasFlag(r))
            .WithMessage("Each role is one of SchoolAdmin, Teacher, TeachingAssistant, PersonalTutor, Mentor, PastoralLead.");
    }
}

internal static class StaffProjection
{
    public static StaffMemberDto ToDto(this StaffMember s) =>
        new(s.Id, s.SchoolId, s.Title, s.GivenName, s.FamilyName, Split(s.Roles), s.Version);

    public static IReadOnlyList<StaffRoles> Split(StaffRoles roles) =>
        Enum.GetValues<StaffRoles>().Where(r => r != StaffRoles.None && roles.HasFlag(r)).ToList();
}
