import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

interface Props {
  /** What the chart shows, for screen readers (the data is also in the table next to it). */
  label: string;
  /** Stable id for tests and styling ("source-type-mix"). */
  name: string;
  config: ChartConfiguration;
}

/** A Chart.js chart on a canvas; redrawn when its data changes. Animations off (reduced motion, stable screenshots). */
export function ChartCanvas({ label, name, config }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const data = JSON.stringify(config.data);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, {
      ...config,
      options: { ...config.options, animation: false, responsive: true, maintainAspectRatio: false },
    });
    canvas.current.dataset.drawn = 'true';
    return () => chart.destroy();
  }, [data]);
  return (
    <div class="chart" style={{ position: 'relative', height: '260px' }}>
      <canvas ref={canvas} role="img" aria-label={label} data-chart={name} />
    </div>
  );
}
