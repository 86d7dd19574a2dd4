using School.Domain.Timetabling;

namespace School.Domain.Tests.Timetabling;

public class AcademicYearTests
{
    private readonly AcademicYear _year = T.Year();

    [Fact]
    public void CycleStart_TermStartsOnAThursday_IsTheMondayOfThatWeek()
    {
        Assert.Equal(new DateOnly(2026, 8, 31), _year.CycleStart);
    }

    [Fact]
    public void CycleDayOf_FirstDayOfTheFirstHalfTerm_IsWeekA()
    {
        Assert.Equal(new CycleDay(1, DayOfWeek.Thursday), _year.CycleDayOf(new DateOnly(2026, 9, 3)));
    }

    [Fact]
    public void CycleDayOf_MondayOfTheFirstHalfTermsFirstWeek_IsWeekA()
    {
        Assert.Equal(new CycleDay(1, DayOfWeek.Monday), _year.CycleDayOf(new DateOnly(2026, 8, 31)));
    }

    [Fact]
    public void CycleDayOf_MondayAWeekLater_IsWeekB()
    {
        Assert.Equal(new CycleDay(2, DayOfWeek.Monday), _year.CycleDayOf(new DateOnly(2026, 9, 7)));
    }

    [Fact]
    public void CycleDayOf_SundayEndingWeekB_IsStillWeekB()
    {
        Assert.Equal(new CycleDay(2, DayOfWeek.Sunday), _year.CycleDayOf(new DateOnly(2026, 9, 13)));
    }

    [Fact]
    public void CycleDayOf_MondayTwoWeeksLater_IsBackToWeekA()
    {
        Assert.Equal(new CycleDay(1, DayOfWeek.Monday), _year.CycleDayOf(new DateOnly(2026, 9, 14)));
    }

    [Fact]
    public void CycleDayOf_AfterTheOctoberHalfTermHoliday_CountsTheHolidayWeek()
    {
        // Mon 19 Oct is week B; the holiday week of 26 Oct counts as week A, so school restarts on week B.
        Assert.Equal(2, _year.CycleDayOf(new DateOnly(2026, 10, 19)).Week);
        Assert.Equal(1, _year.CycleDayOf(new DateOnly(2026, 10, 26)).Week);
        Assert.Equal(new CycleDay(2, DayOfWeek.Monday), _year.CycleDayOf(new DateOnly(2026, 11, 2)));
    }

    [Fact]
    public void CycleDayOf_AfterTheChristmasHoliday_KeepsCountingCalendarWeeks()
    {
        // Mon 14 Dec is week B; the two holiday weeks count (A, B), so spring starts in week A.
        Assert.Equal(2, _year.CycleDayOf(new DateOnly(2026, 12, 14)).Week);
        Assert.Equal(new CycleDay(1, DayOfWeek.Tuesday), _year.CycleDayOf(new DateOnly(2027, 1, 5)));
    }

    [Theory]
    [InlineData("2026-09-03")]
    [InlineData("2026-09-07")]
    [InlineData("2026-09-14")]
    [InlineData("2026-11-02")]
    [InlineData("2027-07-21")]
    public void CycleDayOf_OneWeekCycle_IsAlwaysWeek1(string date)
    {
        var year = T.Year(cycleWeeks: 1);

        Assert.Equal(1, year.CycleDayOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Week);
    }

    [Fact]
    public void Label_OneWeekCycle_IsJustTheDay()
    {
        Assert.Equal("Monday", new CycleDay(1, DayOfWeek.Monday).Label(1));
        Assert.Equal("Monday week B", new CycleDay(2, DayOfWeek.Monday).Label(2));
    }

    [Theory]
    [InlineData("2026-09-05")] // Saturday
    [InlineData("2026-09-06")] // Sunday
    [InlineData("2026-10-28")] // October half-term holiday
    [InlineData("2026-11-27")] // INSET day
    [InlineData("2026-09-02")] // the day before term starts
    [InlineData("2027-07-22")] // the day after term ends
    public void IsSchoolDay_WeekendHolidayOrClosure_IsFalse(string date)
    {
        Assert.False(_year.IsSchoolDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-09-03")] // first day of the year
    [InlineData("2026-11-26")] // the Thursday before the INSET day
    [InlineData("2027-07-21")] // last day of the year
    public void IsSchoolDay_WeekdayInAHalfTerm_IsTrue(string date)
    {
        Assert.True(_year.IsSchoolDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void HalfTermOn_DateInsideAHalfTerm_ReturnsThatHalfTerm()
    {
        Assert.Equal(T.Autumn1, _year.HalfTermOn(new DateOnly(2026, 10, 15)));
    }

    [Fact]
    public void HalfTermOn_FirstAndLastDays_AreInsideTheHalfTerm()
    {
        Assert.Equal(T.Autumn2, _year.HalfTermOn(new DateOnly(2026, 11, 2)));
        Assert.Equal(T.Autumn2, _year.HalfTermOn(new DateOnly(2026, 12, 18)));
    }

    [Fact]
    public void HalfTermOn_HalfTermHoliday_IsNull()
    {
        Assert.Null(_year.HalfTermOn(new DateOnly(2026, 10, 28)));
    }

    [Fact]
    public void TermAround_DateInOctober_IsTheWholeAutumnTerm()
    {
        Assert.Equal((new DateOnly(2026, 9, 3), new DateOnly(2026, 12, 18)), _year.TermAround(new DateOnly(2026, 10, 15)));
    }

    [Fact]
    public void TermAround_DateInTheChristmasHoliday_IsTheSpringTerm()
    {
        Assert.Equal((new DateOnly(2027, 1, 5), new DateOnly(2027, 3, 26)), _year.TermAround(new DateOnly(2026, 12, 25)));
    }

    [Fact]
    public void TermAround_DateAfterTheYearEnds_IsNull()
    {
        Assert.Null(_year.TermAround(new DateOnly(2027, 8, 1)));
    }

    [Fact]
    public void Create_HalfTermsOutOfOrder_StoresThemInDateOrder()
    {
        var year = AcademicYear.Create(A.Id(), A.SchoolId(), "2026/27", 2, [T.Spring1, T.Autumn2, T.Autumn1], []);

        Assert.Equal([T.Autumn1, T.Autumn2, T.Spring1], year.HalfTerms);
        Assert.Equal(new DateOnly(2026, 9, 3), year.Start);
        Assert.Equal(new DateOnly(2027, 2, 12), year.End);
    }

    [Fact]
    public void Create_OverlappingHalfTerms_Throws()
    {
        var overlapping = T.Autumn2 with { Start = new DateOnly(2026, 10, 19) };

        Assert.Throws<ArgumentException>(
            "halfTerms", () => AcademicYear.Create(A.Id(), A.SchoolId(), "2026/27", 2, [T.Autumn1, overlapping], []));
    }

    [Fact]
    public void Create_NoHalfTerms_Throws()
    {
        Assert.Throws<ArgumentException>("halfTerms", () => AcademicYear.Create(A.Id(), A.SchoolId(), "2026/27", 2, [], []));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Create_CycleOtherThanOneOrTwoWeeks_Throws(int weeks)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            "cycleWeeks", () => AcademicYear.Create(A.Id(), A.SchoolId(), "2026/27", weeks, T.HalfTerms, []));
    }

    [Fact]
    public void Change_InvalidCycle_ThrowsAndKeepsTheCalendar()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _year.Change("2026/27", 3, [T.Autumn1], []));

        Assert.Equal(2, _year.CycleWeeks);
        Assert.Equal(6, _year.HalfTerms.Count);
        Assert.Equal(0u, _year.Version);
    }
}
