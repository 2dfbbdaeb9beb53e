"""Automated schedules for flows that have been moved from Civis to Prefect.

Run by CI on every push to main (.github/workflows/main.yaml), after the deployments have
been built. When a script moves over from Civis, add a schedule_deployment(...) call below
AND turn off the schedule in Civis (see civis/scripts_export.json).
"""
import asyncio
import datetime

from prefect import get_client
from prefect.server.schemas.schedules import IntervalSchedule


async def _set_schedule(deployment_name: str, flow_name: str, interval: datetime.timedelta,
                        anchor_date: datetime.datetime) -> None:
    async with get_client() as client:
        deployment = await client.read_deployment_by_name(f"{flow_name}/{deployment_name}")
        await client.update_deployment(
            deployment,
            schedule=IntervalSchedule(interval=interval, anchor_date=anchor_date),
            is_schedule_active=True,
        )


def schedule_deployment(deployment_name: str, flow_name: str, interval: datetime.timedelta,
                        anchor_date: datetime.datetime) -> None:
    asyncio.run(_set_schedule(deployment_name, flow_name, interval, anchor_date))
    print(f"scheduled {flow_name}/{deployment_name} every {interval} from {anchor_date}")


def update_deployment_schedules() -> None:

    schedule_deployment(
        "update_van_source_codes",
        "Update VAN Source Codes Sync",
        datetime.timedelta(days=1),  # Daily
        datetime.datetime.today().replace(hour=21, minute=5, second=0),  # At 9:05 pm
    )

    schedule_deployment(
        "sync_mobilize_events",
        "Sync Mobilize Events",
        datetime.timedelta(minutes=30),  # every half hour
        datetime.datetime(2023, 3, 1, 8, 0, 0),
    )

    # TODO(ops): move after the Q2 finance close. Still scheduled in Civis.
    # schedule_deployment(
    #     "export_donations_to_sheets",
    #     "Export Donations To Sheets",
    #     datetime.timedelta(days=30),
    #     datetime.datetime(2023, 4, 1, 6, 30),
    # )


if __name__ == "__main__":
    update_deployment_schedules()
