using System.Globalization;
using School.Domain.Common;

namespace School.Domain.Tests.Common;

public class ResultTests
{
    private static readonly Error Full = Error.Conflict("room.full", "The room is full.");
    private static readonly Error Late = Error.Conflict("too_late", "It is too late.");

    [Fact]
    public void Bind_RunsTheNextStepWithTheValue()
    {
        Result<int> seats = 3;

        var left = seats.Bind(n => n > 0 ? Result<int>.Success(n - 1) : Full);

        Assert.Equal(2, left.Value);
    }

    [Fact]
    public void Bind_PassesTheFirstFailureOnWithoutRunningLaterSteps()
    {
        Result<int> seats = Full;
        var ran = false;

        var left = seats.Bind(n => { ran = true; return Result<int>.Success(n); }).Map(n => n.ToString(CultureInfo.InvariantCulture));

        Assert.False(ran);
        Assert.Same(Full, left.Error);
    }

    [Fact]
    public void Ensure_FailsWithTheGivenErrorWhenTheRuleDoesNotHold()
    {
        Result<int> seats = 0;

        Assert.Same(Full, seats.Ensure(n => n > 0, Full).Error);
        Assert.Equal(4, Result<int>.Success(4).Ensure(n => n > 0, Full).Value);
    }

    [Fact]
    public void Ensure_WithARuleThatExplainsItself_FailsWithItsError()
    {
        Result<int> seats = 5;

        var checkedSeats = seats.Ensure(n => n > 10 ? Result.Success() : Late);

        Assert.Same(Late, checkedSeats.Error);
    }

    [Fact]
    public void Tap_RunsOnlyOnSuccessAndKeepsTheResult()
    {
        var seen = new List<int>();

        var ok = Result<int>.Success(7).Tap(seen.Add);
        var failed = Result<int>.Failure(Full).Tap(seen.Add);

        Assert.Equal([7], seen);
        Assert.Equal(7, ok.Value);
        Assert.Same(Full, failed.Error);
    }

    [Fact]
    public void Match_FoldsBothOutcomes()
    {
        Assert.Equal("7", Result<int>.Success(7).Match(n => n.ToString(CultureInfo.InvariantCulture), e => e.Code));
        Assert.Equal("room.full", Result<int>.Failure(Full).Match(n => n.ToString(CultureInfo.InvariantCulture), e => e.Code));
        Assert.Equal("ok", Result.Success().Match(() => "ok", e => e.Code));
    }

    [Fact]
    public void NonGenericSteps_ChainAndStopAtTheFirstFailure()
    {
        var steps = new List<string>();

        var outcome = Result.Success()
            .Tap(() => steps.Add("first"))
            .Bind(() => Late)
            .Tap(() => steps.Add("second"))
            .Map(() => 1);

        Assert.Equal(["first"], steps);
        Assert.Same(Late, outcome.Error);
        Assert.Same(Full, Result.Success().Ensure(() => false, Full).Error);
    }

    [Fact]
    public async Task AsyncSteps_ChainOnTasksInOrder()
    {
        var outcome = await Task.FromResult(Result<int>.Success(2))
            .BindAsync(n => Task.FromResult(Result<int>.Success(n * 10)))
            .MapAsync(n => Task.FromResult(n + 1))
            .Map(n => $"{n} seats");

        Assert.Equal("21 seats", outcome.Value);
    }

    [Fact]
    public async Task AsyncSteps_DoNotRunAfterAFailure()
    {
        var ran = false;

        var outcome = await Task.FromResult(Result<int>.Failure(Full))
            .TapAsync(_ => { ran = true; return Task.CompletedTask; })
            .BindAsync(n => { ran = true; return Task.FromResult(Result.Success()); });

        Assert.False(ran);
        Assert.Same(Full, outcome.Error);
    }
}
