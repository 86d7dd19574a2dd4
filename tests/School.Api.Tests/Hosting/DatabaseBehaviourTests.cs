using Microsoft.EntityFrameworkCore;
using School.Api.Tests.Challenges;
using School.Api.Tests.Mentoring;
using School.Api.Tests.Timetabling;

namespace School.Api.Tests.Hosting;

/// <summary>
/// What must not change when a trust moves from SQLite to PostgreSQL: the suite runs on both, and these tests pin the
/// places where the two engines differ by default (time zones, text ordering, text PostgreSQL cannot store). Sign-in
/// whatever the e-mail's case (<c>SignInTests</c>) and stale writes (<c>RosterTests</c>, <c>StaffTests</c>, …) are pinned
/// where those features are tested, and run on both engines alike.
/// </summary>
public sealed class DatabaseBehaviourTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Fact]
    public async Task TimeWithAnOffset_IsStoredAsItsInstant_AndReadBackInUtc()
    {
        var admin = await factory.ClientFor(Accounts.Admin);
        var menuId = await admin.CreateMenuAsync(
            SchoolApiFactory.Start, [7],
            opensAt: new DateTimeOffset(2026, 9, 10, 9, 0, 0, TimeSpan.FromHours(1)),
            closesAt: new DateTimeOffset(2026, 9, 20, 18, 30, 0, TimeSpan.FromHours(-5)));

        var menu = await admin.GetFromJsonAsync<JsonElement>(ChallengeTestApi.Menu(menuId));

        Assert.Equal("2026-09-10T08:00:00+00:00", menu.GetProperty("opensAt").GetString());
        Assert.Equal("2026-09-20T23:30:00+00:00", menu.GetProperty("closesAt").GetString());
    }

    [Fact]
    public async Task Names_SortByCodePoint_WhateverTheServersLocale()
    {
        var admin = await factory.ClientFor(Accounts.Admin);
        var given = $"Order{Guid.NewGuid().ToString("N")[..8]}";
        string[] families = ["ábel", "Zed", "abel", "Ábel", "Abel"];
        foreach (var family in families)
        {
            var response = await admin.PostAsJsonAsync("/api/students", new
            {
                pupilNumber = $"OR{Guid.NewGuid().ToString("N")[..10]}".ToUpperInvariant(),
                givenName = given,
                familyName = family,
                dateOfBirth = "2012-03-01",
                yearGroup = 9,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/students?name={given}&pageSize=10");

        // Upper case before lower case, and accented letters after Z, on either database (a locale would give abel, Abel, ábel…).
        Assert.Equal(["Abel", "Zed", "abel", "Ábel", "ábel"], page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("familyName").GetString()));
    }

    [Fact]
    public async Task NulCharacterInABody_Is400NamingTheField_AndNothingIsSaved()
    {
        var admin = await factory.ClientFor(Accounts.Admin);
        var pupilNumber = $"NU{Guid.NewGuid().ToString("N")[..10]}".ToUpperInvariant();

        var response = await admin.PostAsJsonAsync("/api/students", new
        {
            pupilNumber,
            givenName = "Nul\u0000l",
            familyName = "Byte",
            dateOfBirth = "2012-03-01",
            yearGroup = 9,
        });

        await Problems.AssertValidationProblem(response, "givenName");
        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/students?name={pupilNumber}");
        Assert.Empty(found.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/students?name=a%00b", "name")]
    [InlineData("/api/students?yearGroup=7&name=%00", "name")]
    public async Task NulCharacterInTheQuery_Is400NamingTheParameter(string url, string field)
    {
        var admin = await factory.ClientFor(Accounts.Admin);

        var response = await admin.GetAsync(url);

        await Problems.AssertValidationProblem(response, field);
    }

    [Fact]
    public async Task NulCharacterThatGetsPastTheApi_IsRefusedBeforeSaving_NamingTheProperty()
    {
        var admin = await factory.ClientFor(Accounts.Admin);
        var id = await admin.NewStudentAsync();

        var refused = await factory.WithDbAsync(async db =>
        {
            var student = await db.Students.SingleAsync(s => s.Id == id);
            student.UpdateDetails(student.PupilNumber, "Nul\0", student.FamilyName, null, student.DateOfBirth, student.YearGroup);
            return await Assert.ThrowsAsync<FluentValidation.ValidationException>(() => db.SaveChangesAsync());
        });

        Assert.Equal("givenName", Assert.Single(refused.Errors).PropertyName);
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/students/{id}");
        Assert.Equal("Taylor", stored.GetProperty("givenName").GetString());
    }
}
