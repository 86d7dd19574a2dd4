using FluentValidation;
using Mediator;
using School.Application.Common;
using School.Application.Common.Behaviours;

namespace School.Application.Tests.Common;

/// <summary>
/// The validation pipeline holds every date and instant of every message to the years 2000–2100, in nested records and
/// lists of them too, naming the member as FluentValidation would; a member a validator already reported is reported once.
/// </summary>
public class PlausibleDateTests
{
    public sealed record Target(string Name, DateOnly Due, DateTimeOffset? RemindAt);

    public sealed record Content(string Title, IReadOnlyList<Target>? Targets, DateTime? Written);

    public sealed record PlanMessage(Guid Id, DateOnly? Starts, Content? Content, DateTimeOffset[]? Meetings) : ICommand<int>;

    private sealed class StartsValidator : AbstractValidator<PlanMessage>
    {
        public StartsValidator() => RuleFor(m => m.Starts).Must(d => d is null || d.Value.DayOfWeek == DayOfWeek.Monday).WithMessage("A plan starts on a Monday.");
    }

    private static readonly DateOnly Good = new(2026, 9, 7);

    private static readonly DateTimeOffset GoodInstant = new(2026, 9, 7, 9, 0, 0, TimeSpan.Zero);

    private static PlanMessage Plan(
        DateOnly? starts = null, DateOnly? due = null, DateTimeOffset? remindAt = null, DateTime? written = null, DateTimeOffset? meeting = null) =>
        new(
            Guid.NewGuid(),
            starts ?? Good,
            new Content("Maths", [new Target("Fractions", Good, null), new Target("Decimals", due ?? Good, remindAt ?? GoodInstant)], written),
            [GoodInstant, meeting ?? GoodInstant]);

    private static async Task<IReadOnlyDictionary<string, string[]>> FailuresAsync(PlanMessage message, params IValidator<PlanMessage>[] validators)
    {
        var behaviour = new ValidationBehaviour<PlanMessage, int>(validators);
        var exception = await Assert.ThrowsAsync<ValidationException>(
            async () => await behaviour.Handle(message, (_, _) => ValueTask.FromResult(1), CancellationToken.None));
        return exception.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
    }

    [Fact]
    public async Task PlausibleDatesEverywhere_ReachTheHandler()
    {
        var behaviour = new ValidationBehaviour<PlanMessage, int>([new StartsValidator()]);

        var answer = await behaviour.Handle(Plan(written: new DateTime(2000, 1, 1), meeting: new DateTimeOffset(2100, 12, 31, 23, 0, 0, TimeSpan.Zero)),
            (_, _) => ValueTask.FromResult(42), CancellationToken.None);

        Assert.Equal(42, answer);
    }

    [Fact]
    public async Task ADateInAListOfRecordsInARecord_IsNamedByItsPath()
    {
        var failures = await FailuresAsync(Plan(due: new DateOnly(9999, 12, 31)));

        var failure = Assert.Single(failures);
        Assert.Equal("Content.Targets[1].Due", failure.Key);
        Assert.Equal([ValidationRules.PlausibleDateMessage], failure.Value);
    }

    [Fact]
    public async Task EveryKindOfDate_NullableOrNot_InArraysToo_IsChecked()
    {
        var failures = await FailuresAsync(Plan(
            starts: DateOnly.MinValue, remindAt: DateTimeOffset.MaxValue, written: new DateTime(1999, 12, 31), meeting: new DateTimeOffset(2101, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(
            ["Content.Targets[1].RemindAt", "Content.Written", "Meetings[1]", "Starts"],
            failures.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ADateItsValidatorAlreadyRefused_IsReportedOnce_WithTheValidatorsMessage()
    {
        // 0001-01-01 was a Monday, so pick a Sunday out of range: 1999-12-26.
        var failures = await FailuresAsync(Plan(starts: new DateOnly(1999, 12, 26)), new StartsValidator());

        Assert.Equal(["A plan starts on a Monday."], failures["Starts"]);
        Assert.Single(failures);
    }
}
