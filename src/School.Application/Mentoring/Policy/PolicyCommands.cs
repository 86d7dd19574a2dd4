using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Mentoring;

namespace School.Application.Mentoring.Policy;

/// <summary>The school's check-in policy (staff).</summary>
public sealed record GetCheckInPolicyQuery : IQuery<Result<CheckInPolicyDto>>;

internal sealed class GetCheckInPolicyQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<GetCheckInPolicyQuery, Result<CheckInPolicyDto>>
{
    public async ValueTask<Result<CheckInPolicyDto>> Handle(GetCheckInPolicyQuery query, CancellationToken cancellationToken)
    {
        var school = user.RequireStaff();
        return school.IsSuccess ? CheckInPolicyDto.From(await db.PolicyAsync(school.Value.SchoolId, cancellationToken)) : school.Error!;
    }
}

/// <summary>An admin changes the policy: check-ins per half term, minimum minutes, days of warning, minutes per mentee a week.</summary>
public sealed record UpdateCheckInPolicyCommand(uint? ExpectedVersion, int MinCheckInsPerHalfTerm, int MinMinutes, int RemindDaysAhead, int MinutesPerMenteePerWeek)
    : ICommand<Result<CheckInPolicyDto>>;

public sealed class UpdateCheckInPolicyCommandValidator : AbstractValidator<UpdateCheckInPolicyCommand>
{
    public UpdateCheckInPolicyCommandValidator()
    {
        RuleFor(c => c.MinCheckInsPerHalfTerm).InclusiveBetween(1, 10);
        RuleFor(c => c.MinMinutes).InclusiveBetween(5, 120);
        RuleFor(c => c.RemindDaysAhead).InclusiveBetween(0, 14);
        RuleFor(c => c.MinutesPerMenteePerWeek).InclusiveBetween(5, 600);
    }
}

internal sealed class UpdateCheckInPolicyCommandHandler(ICurrentUser user, IApplicationDbContext db) : ICommandHandler<UpdateCheckInPolicyCommand, Result<CheckInPolicyDto>>
{
    public async ValueTask<Result<CheckInPolicyDto>> Handle(UpdateCheckInPolicyCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var policy = await db.CheckInPolicies.SingleOrDefaultAsync(p => p.Id == school.Value.SchoolId, cancellationToken);
        if (policy is null)
        {
            policy = CheckInPolicy.Default(school.Value.SchoolId);
            db.CheckInPolicies.Add(policy);
        }

        if (command.ExpectedVersion is { } expected && expected != policy.Version)
        {
            return Error.PreconditionFailed("The policy has changed since you read it.");
        }

        policy.Change(command.MinCheckInsPerHalfTerm, command.MinMinutes, command.RemindDaysAhead, command.MinutesPerMenteePerWeek);
        await db.SaveChangesAsync(cancellationToken);
        return CheckInPolicyDto.From(policy);
    }
}
