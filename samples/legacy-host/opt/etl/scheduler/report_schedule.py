"""Report jobs on the `schedule` library (pip install schedule==1.2.1).

Run by report-scheduler.service. Times are the host's local time unless a zone is given.
"""
import time

import schedule

from reports import kpi, sales, stock


def job_daily_kpis():
    kpi.build_daily()


def job_sales_flash():
    sales.flash_report(channels=["web", "retail"])


def job_stock_levels():
    stock.snapshot()


def job_weekly_pack():
    kpi.weekly_pack(send=True)


def job_amsterdam_open():
    sales.flash_report(channels=["nl"])


schedule.every().day.at("07:30").do(job_daily_kpis)
schedule.every(10).minutes.do(job_stock_levels)
schedule.every().hour.at(":15").do(job_sales_flash)
schedule.every().monday.at("06:00").do(job_weekly_pack).tag("weekly")
schedule.every().day.at("09:00", "Europe/Amsterdam").do(job_amsterdam_open)

if __name__ == "__main__":
    while True:
        schedule.run_pending()
        time.sleep(30)
