using School.Domain.Timetabling;

namespace School.Domain.Tests.Timetabling;

public class CalendarRulesTests
{
    [Fact]
    public void FirstOverlap_SeparateHalfTerms_IsNull()
    {
        Assert.Null(CalendarRules.FirstOverlap(T.HalfTerms));
    }

    [Fact]
    public void FirstOverlap_NextHalfTermStartsTheDayAfter_IsNull()
    {
        var next = T.Autumn2 with { Start = new DateOnly(2026, 10, 24) };

        Assert.Null(CalendarRules.FirstOverlap([T.Autumn1, next]));
    }

    [Fact]
    public void FirstOverlap_NextHalfTermStartsOnTheLastDay_IsItsIndex()
    {
        var next = T.Autumn2 with { Start = new DateOnly(2026, 10, 23) };

        Assert.Equal(1, CalendarRules.FirstOverlap([T.Autumn1, next]));
    }

    [Fact]
    public void FirstOverlap_ThirdHalfTermOverlapsTheSecond_IsTwo()
    {
        var third = T.Spring1 with { Start = new DateOnly(2026, 12, 14) };

        Assert.Equal(2, CalendarRules.FirstOverlap([T.Autumn1, T.Autumn2, third, T.Spring2]));
    }

    [Fact]
    public void FirstOverlap_OneHalfTerm_IsNull()
    {
        Assert.Null(CalendarRules.FirstOverlap([T.Autumn1]));
    }
}
