import { errorResponses } from '../../platform/contract';
import { actorOf, type App, type RouteDeps } from '../../platform/http';
import {
  AddWorkingDaysQuerySchema,
  CalendarOverviewSchema,
  CalendarYearSchema,
  DateParamsSchema,
  DueDateSchema,
  SaveDayBodySchema,
  SaveYearBodySchema,
  YearParamsSchema,
} from './calendar.schemas';

const tags = ['calendar'];

export function calendarRoutes(app: App, { services }: RouteDeps) {
  const calendar = services.calendar;

  app.get(
    '/api/calendar',
    {
      schema: {
        tags,
        summary:
          'The years of the working-day calendar entered, and this or next year missing / 工作日历年度',
        response: { 200: CalendarOverviewSchema, ...errorResponses },
      },
    },
    async () => calendar.overview(),
  );

  app.get(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: 'A year’s holidays and make-up working days (调休) and their notice / 年度节假日安排',
        description: '`entered: false`: no schedule yet; deadlines in that year count Monday–Friday only.',
        params: YearParamsSchema,
        response: { 200: CalendarYearSchema, ...errorResponses },
      },
    },
    async (request) => calendar.year(request.params.year),
  );

  app.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary:
          'Enter a year (its notice), or replace its whole list of days; task force only / 录入年度安排',
        params: YearParamsSchema,
        body: SaveYearBodySchema,
        response: { 200: CalendarYearSchema, ...errorResponses },
      },
    },
    async (request) => calendar.saveYear(actorOf(request), request.params.year, request.body),
  );

  app.put(
    '/api/calendar/days/:date',
    {
      schema: {
        tags,
        summary: 'Add or edit a holiday or make-up working day; task force only / 新增或修改节假日、调休日',
        params: DateParamsSchema,
        body: SaveDayBodySchema,
        response: { 200: CalendarYearSchema, ...errorResponses },
      },
    },
    async (request) => calendar.saveDay(actorOf(request), request.params.date, request.body),
  );

  app.delete(
    '/api/calendar/days/:date',
    {
      schema: {
        tags,
        summary: 'Delete a holiday or make-up working day; task force only / 删除节假日、调休日',
        params: DateParamsSchema,
        response: { 200: CalendarYearSchema, ...errorResponses },
      },
    },
    async (request) => calendar.deleteDay(actorOf(request), request.params.date),
  );

  app.get(
    '/api/calendar/add-working-days',
    {
      schema: {
        tags,
        summary: '“N working days after D” on the calendar / 计算 N 个工作日后的日期',
        description:
          'Counting starts on the first working day after `from`. `missingYears`: years crossed with no schedule (Monday–Friday only).',
        querystring: AddWorkingDaysQuerySchema,
        response: { 200: DueDateSchema, ...errorResponses },
      },
    },
    async (request) => calendar.addWorkingDays(request.query.from, request.query.days),
  );
}
