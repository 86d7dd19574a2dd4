using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace School.Application.Common.Behaviours;

/// <summary>
/// One rule for every date and instant a message carries: it falls in the years the school works with
/// (<see cref="ValidationRules.IsPlausibleSchoolDate(DateOnly)"/>). Every <see cref="DateOnly"/>,
/// <see cref="DateTimeOffset"/> and <see cref="DateTime"/> member is checked, nullable or not, in the message and in
/// the records and lists of records it carries, so no validator can forget it. A failure names the member the way
/// FluentValidation does (<c>Content.Targets[0].Due</c>). Which members to look at is worked out once per type.
/// </summary>
internal static class PlausibleDates
{
    private static readonly ConcurrentDictionary<Type, Member[]> _members = new();

    /// <summary>How deep records may nest before the walk stops: input is a tree, never this deep.</summary>
    private const int MaxDepth = 16;

    private enum Shape
    {
        Date,
        Record,
        List,
    }

    private sealed record Member(string Name, PropertyInfo Property, Shape Shape);

    /// <summary>The dates in <paramref name="message"/> outside the plausible range, one failure per member.</summary>
    public static List<ValidationFailure> Check(object message)
    {
        var failures = new List<ValidationFailure>();
        WalkRecord(message, string.Empty, failures, 0);
        return failures;
    }

    private static void WalkRecord(object value, string path, List<ValidationFailure> failures, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var member in MembersOf(value.GetType()))
        {
            if (member.Property.GetValue(value) is not { } memberValue)
            {
                continue;
            }

            var memberPath = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
            Visit(memberValue, member.Shape, memberPath, failures, depth);
        }
    }

    private static void Visit(object value, Shape shape, string path, List<ValidationFailure> failures, int depth)
    {
        switch (shape)
        {
            case Shape.Date when !IsPlausible(value):
                failures.Add(new ValidationFailure(path, ValidationRules.PlausibleDateMessage, value));
                break;
            case Shape.Record:
                WalkRecord(value, path, failures, depth + 1);
                break;
            case Shape.List:
                var index = 0;
                foreach (var item in (IEnumerable)value)
                {
                    if (item is not null && ShapeOf(item.GetType()) is { } itemShape)
                    {
                        Visit(item, itemShape, $"{path}[{index}]", failures, depth + 1);
                    }

                    index++;
                }

                break;
        }
    }

    private static bool IsPlausible(object value) => value switch
    {
        DateOnly date => ValidationRules.IsPlausibleSchoolDate(date),
        DateTimeOffset instant => ValidationRules.IsPlausibleSchoolDate(instant),
        DateTime time => ValidationRules.IsPlausibleSchoolDate(DateOnly.FromDateTime(time)),
        _ => true,
    };

    private static Member[] MembersOf(Type type) => _members.GetOrAdd(type, static t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => (Property: p, Shape: ShapeOf(p.PropertyType)))
            .Where(m => m.Shape is not null && CanHoldDate(m.Property.PropertyType, []))
            .Select(m => new Member(m.Property.Name, m.Property, m.Shape!.Value))
            .ToArray());

    /// <summary>A date, a record of this solution to look inside, a list of either; anything else is not walked.</summary>
    private static Shape? ShapeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsDate(type))
        {
            return Shape.Date;
        }

        if (CollectionTypes.ItemType(type) is not null)
        {
            return Shape.List;
        }

        return IsOurs(type) ? Shape.Record : null;
    }

    private static bool CanHoldDate(Type type, HashSet<Type> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsDate(type))
        {
            return true;
        }

        if (!seen.Add(type))
        {
            return false;
        }

        if (CollectionTypes.ItemType(type) is { } element)
        {
            return CanHoldDate(element, seen);
        }

        return IsOurs(type) && type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Any(p => p.GetIndexParameters().Length == 0 && CanHoldDate(p.PropertyType, seen));
    }

    private static bool IsDate(Type type) => type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(DateTime);

    /// <summary>Records and classes declared in this solution (not enums, not framework types such as streams).</summary>
    private static bool IsOurs(Type type) =>
        !type.IsEnum && !type.IsPrimitive && type.Assembly.GetName().Name?.StartsWith("School.", StringComparison.Ordinal) == true;
}
