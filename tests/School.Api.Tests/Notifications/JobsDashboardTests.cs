namespace School.Api.Tests.Notifications;

/// <summary>The Hangfire dashboard at /hangfire is for school admins only.</summary>
public sealed class JobsDashboardTests(SchoolApiFactory factory) : IClassFixture<SchoolApiFactory>
{
    [Fact]
    public async Task Dashboard_Anonymous_Is401()
    {
        using var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Accounts.Teacher)]
    [InlineData(Accounts.Tutor)]
    [InlineData(Accounts.Mentor)]
    [InlineData(Accounts.Pastoral)]
    [InlineData(Accounts.Student)]
    [InlineData(Accounts.Parent)]
    public async Task Dashboard_AnyoneButASchoolAdmin_Is403(string account)
    {
        using var client = await factory.ClientFor(account);

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(Accounts.Admin)]
    [InlineData(Accounts.CramlingtonAdmin)]
    public async Task Dashboard_SchoolAdmin_Is200(string account)
    {
        using var client = await factory.ClientFor(account);

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("School background jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
