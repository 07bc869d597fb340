import { Image, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiFetch } from '../api/api-client.ts';

/** An image behind the API key: fetched with it, shown from a blob URL. */
export function AuthImage({ src, alt }: { src: string; alt: string }) {
  const image = useQuery({
    queryKey: ['blob', src],
    queryFn: async ({ signal }) => URL.createObjectURL(await (await apiFetch(src, { signal })).blob()),
    staleTime: Infinity,
  });
  useEffect(() => () => void (image.data && URL.revokeObjectURL(image.data)), [image.data]);
  if (image.error)
    return (
      <Text size="sm" c="red">
        The image could not be loaded: {image.error.message}
      </Text>
    );
  return image.data ? <Image src={image.data} alt={alt} radius="sm" maw={900} /> : null;
}
