global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using School.Api.Tests.Infrastructure;
global using School.Infrastructure.Seeding;
