using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using School.Application.Common;
using School.Application.Common.Abstractions;
using School.Application.Common.Authorization;
using School.Domain.Common;
using School.Domain.Timetabling;

namespace School.Application.Timetabling.Rooms;

/// <summary>The school's rooms and off-site settings (staff).</summary>
public sealed record ListRoomsQuery : IQuery<Result<IReadOnlyList<RoomDto>>>;

internal sealed class ListRoomsQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<ListRoomsQuery, Result<IReadOnlyList<RoomDto>>>
{
    public async ValueTask<Result<IReadOnlyList<RoomDto>>> Handle(ListRoomsQuery query, CancellationToken cancellationToken)
    {
        var school = user.RequireStaff();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var rooms = await db.Rooms.AsNoTracking().Where(r => r.SchoolId == school.Value.SchoolId).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<RoomDto>>.Success(rooms.Select(RoomDto.From).ToList());
    }
}

/// <summary>An admin adds a room, or an off-site setting (a partner school, a college, an employer, a community venue).</summary>
public sealed record CreateRoomCommand(string Name, int Capacity, SettingKind Setting, string? Address) : ICommand<Result<RoomDto>>;

public sealed class CreateRoomCommandValidator : AbstractValidator<CreateRoomCommand>
{
    public CreateRoomCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Capacity).InclusiveBetween(1, 10_000);
        RuleFor(c => c.Setting).Known();
        RuleFor(c => c.Address).MaximumLength(300);
    }
}

internal sealed class CreateRoomCommandHandler(ICurrentUser user, IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<CreateRoomCommand, Result<RoomDto>>
{
    public async ValueTask<Result<RoomDto>> Handle(CreateRoomCommand command, CancellationToken cancellationToken)
    {
        var school = user.RequireSchoolAdmin();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var room = Room.Create(Ids.New(time), school.Value.SchoolId, command.Name, command.Capacity, command.Setting, command.Address);
        db.Rooms.Add(room);
        await db.SaveChangesAsync(cancellationToken);
        return RoomDto.From(room);
    }
}

/// <summary>One room or setting of the school (staff).</summary>
public sealed record GetRoomQuery(Guid Id) : IQuery<Result<RoomDto>>;

internal sealed class GetRoomQueryHandler(ICurrentUser user, IApplicationDbContext db) : IQueryHandler<GetRoomQuery, Result<RoomDto>>
{
    public async ValueTask<Result<RoomDto>> Handle(GetRoomQuery query, CancellationToken cancellationToken)
    {
        var school = user.RequireStaff();
        if (!school.IsSuccess)
        {
            return school.Error!;
        }

        var room = await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.Id && r.SchoolId == school.Value.SchoolId, cancellationToken);
        return room is null ? Error.NotFound("Room") : RoomDto.From(room);
    }
}
