using School.Domain.Timetabling;

namespace School.Domain.Tests.Timetabling;

public class LearningBlockTests
{
    private readonly Guid _schoolId = A.SchoolId();
    private readonly AcademicYear _year = T.Year();

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(62)]
    [InlineData(1445)]
    public void IsValidDuration_TooShortTooLongOrOffStep_IsFalse(int minutes)
    {
        Assert.False(BlockTiming.IsValidDuration(minutes));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(1440)]
    public void IsValidDuration_TenMinutesToAWholeDayInFiveMinuteSteps_IsTrue(int minutes)
    {
        Assert.True(BlockTiming.IsValidDuration(minutes));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(62)]
    [InlineData(1445)]
    public void Create_InvalidDuration_Throws(int minutes)
    {
        Assert.Throws<ArgumentException>(
            "details", () => T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "00:00", minutes)));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(1440)]
    public void Create_ValidDurationFromMidnight_EndsThatManyMinutesLater(int minutes)
    {
        var block = T.Block(_schoolId, T.Weekly(DayOfWeek.Friday, "00:00", minutes));

        Assert.Equal(minutes, block.EndMinute);
    }

    [Fact]
    public void IsOnStep_0907_IsFalse()
    {
        Assert.False(BlockTiming.IsOnStep(T.Time("09:07")));
        Assert.True(BlockTiming.IsOnStep(T.Time("09:05")));
    }

    [Fact]
    public void Create_StartOffTheFiveMinuteStep_Throws()
    {
        Assert.Throws<ArgumentException>(
            "details", () => T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "09:07", 50)));
    }

    [Fact]
    public void Create_EndingAfterMidnight_Throws()
    {
        Assert.Throws<ArgumentException>(
            "details", () => T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "23:30", 60)));
    }

    [Fact]
    public void Create_EndingAtMidnight_Builds()
    {
        var block = T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "23:00", 60));

        Assert.Equal(24 * 60, block.EndMinute);
    }

    [Fact]
    public void Create_BothACycleDayAndDates_Throws()
    {
        var both = T.Weekly(DayOfWeek.Monday, "09:00", 60) with { FromDate = new DateOnly(2026, 11, 16), ToDate = new DateOnly(2026, 11, 20) };

        Assert.Throws<ArgumentException>("details", () => T.Block(_schoolId, both));
    }

    [Fact]
    public void Create_NeitherACycleDayNorDates_Throws()
    {
        var neither = T.Weekly(DayOfWeek.Monday, "09:00", 60) with { Day = null };

        Assert.Throws<ArgumentException>("details", () => T.Block(_schoolId, neither));
    }

    [Fact]
    public void Create_DatedBlockEndingBeforeItStarts_Throws()
    {
        Assert.Throws<ArgumentException>(
            "details", () => T.Block(_schoolId, T.Dated(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 16), "09:00", 60)));
    }

    [Fact]
    public void Create_CycleWeek3_Throws()
    {
        Assert.Throws<ArgumentException>(
            "details", () => T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "09:00", 60, cycleWeek: 3)));
    }

    [Fact]
    public void OccursOn_EveryWeekBlock_RunsOnThatDayInWeeksAAndB()
    {
        var block = T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "09:00", 60));
        var weekB = new DateOnly(2026, 9, 7);
        var weekA = new DateOnly(2026, 9, 14);
        var tuesday = new DateOnly(2026, 9, 15);

        Assert.True(block.OccursOn(weekB, _year.CycleDayOf(weekB)));
        Assert.True(block.OccursOn(weekA, _year.CycleDayOf(weekA)));
        Assert.False(block.OccursOn(tuesday, _year.CycleDayOf(tuesday)));
    }

    [Fact]
    public void OccursOn_WeekBOnlyBlock_RunsOnlyInWeekB()
    {
        var block = T.Block(_schoolId, T.Weekly(DayOfWeek.Monday, "09:00", 60, cycleWeek: 2));
        var weekB = new DateOnly(2026, 9, 7);
        var weekA = new DateOnly(2026, 9, 14);

        Assert.True(block.OccursOn(weekB, _year.CycleDayOf(weekB)));
        Assert.False(block.OccursOn(weekA, _year.CycleDayOf(weekA)));
    }

    [Theory]
    [InlineData("2026-11-13", false)]
    [InlineData("2026-11-16", true)]
    [InlineData("2026-11-18", true)]
    [InlineData("2026-11-20", true)]
    [InlineData("2026-11-23", false)]
    public void OccursOn_DatedBlock_RunsOnlyFromItsFirstToItsLastDate(string date, bool expected)
    {
        var block = T.Block(_schoolId, T.Dated(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 20), "09:00", 60));
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, block.OccursOn(day, _year.CycleDayOf(day)));
    }

    [Fact]
    public void CycleDays_EveryWeekBlockOnTwoWeekCycle_IsThatDayInBothWeeks()
    {
        var block = T.Block(_schoolId, T.Weekly(DayOfWeek.Wednesday, "09:00", 60));

        Assert.Equal(
            [new CycleDay(1, DayOfWeek.Wednesday), new CycleDay(2, DayOfWeek.Wednesday)],
            block.CycleDays(_year).OrderBy(d => d.Week));
    }

    [Fact]
    public void CycleDays_WeekBOnlyBlock_IsThatDayInWeekB()
    {
        var block = T.Block(_schoolId, T.Weekly(DayOfWeek.Wednesday, "09:00", 60, cycleWeek: 2));

        Assert.Equal([new CycleDay(2, DayOfWeek.Wednesday)], block.CycleDays(_year));
    }

    [Fact]
    public void CycleDays_WeekLongProject_IsTheFiveWeekdaysOfThatCycleWeek()
    {
        // Mon 16 – Fri 20 November 2026 is a week B.
        var block = T.Block(_schoolId, T.Dated(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 20), "09:00", 360));

        Assert.Equal(
            Weekdays(2, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday),
            block.CycleDays(_year).ToHashSet());
    }

    [Fact]
    public void CycleDays_ProjectOverAWeekend_LeavesOutSaturdayAndSunday()
    {
        // Thu 19 – Tue 24 November 2026: Thu and Fri of week B, Mon and Tue of week A.
        var block = T.Block(_schoolId, T.Dated(new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 24), "09:00", 360));

        Assert.Equal(
            [new CycleDay(2, DayOfWeek.Thursday), new CycleDay(2, DayOfWeek.Friday), new CycleDay(1, DayOfWeek.Monday), new CycleDay(1, DayOfWeek.Tuesday)],
            block.CycleDays(_year).ToHashSet());
    }

    [Fact]
    public void CycleDays_ProjectInTheWeekOfTheInsetDay_SkipsTheClosure()
    {
        // Mon 23 – Fri 27 November 2026 is a week A, and Friday 27th is the INSET day.
        var block = T.Block(_schoolId, T.Dated(new DateOnly(2026, 11, 23), T.InsetDay, "09:00", 360));

        Assert.Equal(
            Weekdays(1, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday),
            block.CycleDays(_year).ToHashSet());
    }

    [Fact]
    public void CycleDays_ProjectInAHalfTermHoliday_IsEmpty()
    {
        var block = T.Block(_schoolId, T.Dated(new DateOnly(2026, 10, 26), new DateOnly(2026, 10, 30), "09:00", 360));

        Assert.Empty(block.CycleDays(_year));
    }

    private static HashSet<CycleDay> Weekdays(int week, params DayOfWeek[] days) => days.Select(d => new CycleDay(week, d)).ToHashSet();
}
